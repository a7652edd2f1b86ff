// Imported first by the popup's entry, so this mark lands before any other module runs: `npm run
// bench` splits the popup's first frame into loading its script and evaluating its modules.
performance.mark('declutter:popup-script-start');
