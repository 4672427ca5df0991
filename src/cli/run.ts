// Entry point that runs the CLI with this process's arguments (bin/r1ci.js and tests use it).
import { main } from './main.js';

await main(process.argv);
