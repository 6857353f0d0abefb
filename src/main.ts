/**
 * Browser entry: mounts the app and reads the stored workspace once.
 */
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { loadWorkspace } from './state/app-context.ts';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element to mount the workbench into.');

const app = mount(App, { target });
void loadWorkspace();

export default app;
