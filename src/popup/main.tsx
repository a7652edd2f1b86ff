// Popup entry: real Actions over IndexedDB, extension storage and the service worker.
import './timing';
import { render } from 'preact';
import { browserActions } from '../ui/browser-actions';
import { preparePage } from '../ui/page';
import { Popup } from './Popup';
import '../ui/base.css';
import './popup.css';

performance.mark('declutter:popup-modules-evaluated');
preparePage('extName');
render(<Popup actions={browserActions()} />, document.getElementById('app')!);
performance.mark('declutter:popup-rendered');
