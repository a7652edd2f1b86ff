// Options entry: real Actions over IndexedDB, extension storage and the service worker.
import { render } from 'preact';
import { browserActions } from '../ui/browser-actions';
import { preparePage } from '../ui/page';
import { Options } from './Options';
import '../ui/base.css';
import './options.css';

preparePage('optionsPageTitle');
render(<Options actions={browserActions()} />, document.getElementById('app')!);
