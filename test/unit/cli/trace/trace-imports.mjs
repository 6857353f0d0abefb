// `node --import ./trace-imports.mjs …` appends the URL of every module the
// process resolves to the file named by WORKBENCH_TRACE_IMPORTS, one a line:
// the start-up tests read it to see what a command loaded.
import { register } from 'node:module';

register('./trace-hooks.mjs', import.meta.url);
