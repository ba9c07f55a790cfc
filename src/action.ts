// The GitHub Action's entry. Only this file and src/action/ (which only it uses) import @actions/*.
import { run } from './action/main.js';

await run();
