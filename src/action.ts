// The GitHub Action's entry. Only this file and src/action/ (which only it uses) import @actions/*.
import { run } from './action/main.js';

await run();
// Exit explicitly so an open handle (a keep-alive socket, a cache upload) cannot keep the step hanging
// (setup-msys2 does the same; actions/toolkit issue 1578). core.setFailed has set process.exitCode.
process.exit();
