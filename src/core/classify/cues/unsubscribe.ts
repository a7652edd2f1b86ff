// Unsubscribe footers (回T退订): the mark of a bulk marketing message. The wording models never
// read these spans: one SMS corpus labels opt-in marketing with this footer as ham, and a model
// would learn the footer itself as a sign of service.
import { defineCue } from '../cue';

export default defineCue({
  id: 'unsubscribe',
  weight: 0.5,
  phrases: ['退订', '拒收请回复', '拒收回复', '回复td', '回td', '回t退订', '回n退订', '回复n退订',
    'reply stop', 'unsubscribe', 'opt-out', 'opt out',
  ],
  patterns: [/退订回复?[a-z]{1,2}|回复?[a-z]{1,2}退订/],
});
