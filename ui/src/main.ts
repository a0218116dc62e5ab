import { mount } from 'svelte';
import './app.css';
import App from './components/App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element.');

export default mount(App, { target });
