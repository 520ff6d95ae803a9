/**
 * The test district server as its own process, for benchmarks that must not count its memory:
 * prints one JSON line {url, tokens} and serves until killed. Keeps no record data.
 */
import { startDistrictServer } from './district-server';

const server = await startDistrictServer({ keepData: false });
process.stdout.write(`${JSON.stringify({ url: server.url, tokens: server.tokens })}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
