// First, before the app's modules are evaluated: the backend answers while the page gets ready.
import './lib/ask-early';
import { mount } from 'svelte';
import './app.css';
import App from './components/App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element.');

export default mount(App, { target });
