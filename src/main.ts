/**
 * Browser entry: mounts the app and reads the stored workspace once.
 */
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { lessons, loadWorkspace } from './state/app-context.ts';
import { applyStoredTheme } from './state/theme.ts';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element to mount the workbench into.');

// Before the first paint, so a dark-theme user never sees a light flash.
applyStoredTheme();
const app = mount(App, { target });
void loadWorkspace();
void lessons.load();

export default app;
