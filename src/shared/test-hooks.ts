// Test hooks on the page side: attributes the e2e tests read off the article page, and timing marks
// for the bench. WeChat's own scripts share that DOM and timeline, so they exist only in the test
// build (`npm run build:e2e` → dist-e2e); in dist `TEST_HOOKS` is false and the minifier drops them.
declare const __TEST_HOOKS__: boolean;

export const TEST_HOOKS: boolean = __TEST_HOOKS__;

/** Sets (or, with null, removes) a test-hook attribute; does nothing in the shipped build. */
export function hook(element: Element, name: `data-declutter-${string}`, value: string | null): void {
  if (!TEST_HOOKS) return;
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/** A mark on the page's performance timeline, for the bench; nothing in the shipped build. */
export function mark(name: string): void {
  if (TEST_HOOKS) performance.mark(`declutter:${name}`);
}

export function measure(name: string, start: string): void {
  if (TEST_HOOKS) performance.measure(`declutter:${name}`, `declutter:${start}`);
}
