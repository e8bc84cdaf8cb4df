// Hot reads against the framework's ceiling: starts the server jar as the README starts it (fresh temporary H2 data
// directory, or a PostgreSQL schema of its own), seeds one user with 200 chats of 10 messages through
// /api/v1/chats/import, then loads three routes in alternating windows with the same clients:
//   ceiling  GET /api/v1/auths/            the cheapest authenticated GET: token check and a user read
//   titles   GET /api/v1/chats/?page=1     the sidebar's title page (60 titles)
//   chat     GET /api/v1/chats/{id}        one chat of 10 messages
// and prints each route's throughput (median of its windows), latency p50/p99, and the ratios to the ceiling:
// issue 12 asks titles and chat ≥ 60 % of the ceiling's throughput with p99 ≤ 2× the ceiling's p99. Builds nothing:
// run `./mvnw -q -DskipTests package` first. Node 18+, no packages; --postgres needs psql on the PATH.
//
//   node bench/ceiling.mjs [--rounds 4] [--seconds 8] [--clients 8] [--jar app/target/chats-server.jar]
//                          [--postgres 127.0.0.1:5432/test --pg-user postgres] [--server http://host:port]
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import http from 'node:http';
import {loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {freePort, readmeJvmFlags} from './server-start.mjs';

const options = {rounds: 4, seconds: 8, clients: 8, jar: 'app/target/chats-server.jar'};
for (let i = 2; i < process.argv.length; i++) {
  const name = process.argv[i].replace(/^--/, '');
  options[name] = process.argv[++i];
}
const rounds = Number(options.rounds);
const seconds = Number(options.seconds);
const clients = Number(options.clients);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A PostgreSQL schema of the benchmark's own, created by the server's migrations and dropped at the end. */
function postgresPlace(where, user) {
  const [hostPort, database] = where.split('/');
  const [host, port = '5432'] = hostPort.split(':');
  const schema = `chats_ceiling_${Date.now()}`;
  return {
    environment: {DATASOURCES_DEFAULT_URL: `jdbc:postgresql://${host}:${port}/${database}`,
      DATASOURCES_DEFAULT_USERNAME: user, DATASOURCES_DEFAULT_SCHEMA: schema},
    drop: () => spawnSync('psql', ['-h', host, '-p', port, '-U', user, '-d', database, '-c',
      `DROP SCHEMA IF EXISTS ${schema} CASCADE`], {encoding: 'utf8'}),
  };
}

async function startServer() {
  if (options.server) return {base: options.server, stop: async () => {}};
  if (!existsSync(options.jar)) throw new Error(`${options.jar} not found: run ./mvnw -q -DskipTests package first`);
  const flags = readmeJvmFlags(options.jar);
  const dataDir = mkdtempSync(join(tmpdir(), 'chats-ceiling-'));
  const postgres = options.postgres ? postgresPlace(options.postgres, options['pg-user'] ?? 'postgres') : null;
  const port = await freePort();
  let log = '';
  const child = spawn('java', [...flags, '-jar', options.jar], {
    env: {...process.env, CHATS_DATA_DIR: dataDir, MICRONAUT_SERVER_PORT: String(port),
      ...(postgres?.environment ?? {})},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => { log = (log + chunk).slice(-100_000); });
  child.stderr.on('data', (chunk) => { log = (log + chunk).slice(-100_000); });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = performance.now() + 180_000; ;) {
    if (child.exitCode !== null) throw new Error(`the server exited before answering\n${log}`);
    if (performance.now() > deadline) throw new Error('the server did not answer within 180 s');
    try {
      if ((await fetch(`${base}/health/readiness`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  return {base, stop: async () => {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, {recursive: true, force: true});
    postgres?.drop();
  }};
}

async function call(base, method, path, token, body) {
  const response = await fetch(base + path, {method,
    headers: {'content-type': 'application/json', ...(token ? {authorization: `Bearer ${token}`} : {})},
    body: body === undefined ? undefined : JSON.stringify(body)});
  const text = await response.text();
  if (response.status < 200 || response.status > 299) {
    throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  return JSON.parse(text);
}

function conversation(n, count) {
  const messages = {};
  let parent = null;
  for (let m = 0; m < count; m++) {
    const id = `c${n}m${m}`;
    messages[id] = {id, parentId: parent, childrenIds: m + 1 < count ? [`c${n}m${m + 1}`] : [],
      role: m % 2 ? 'assistant' : 'user', content: `message ${m} of chat ${n}: `.padEnd(400, 'lorem ipsum '),
      timestamp: 1700000000 + m};
    parent = id;
  }
  return {chat: {title: `Chat ${n}`, models: ['bench'], history: {currentId: parent, messages}}, meta: {},
    pinned: false, created_at: 1700000000 + n, updated_at: 1700000000 + n};
}

/** Loads one path with `clients` keep-alive connections for `ms`; every answer must be 200. */
function load(url, token, ms) {
  const agent = new http.Agent({keepAlive: true, maxSockets: clients});
  const latencies = [];
  const end = performance.now() + ms;
  let failures = 0;
  const one = () => new Promise((resolve) => {
    const started = performance.now();
    http.get(url, {agent, headers: {authorization: `Bearer ${token}`, accept: 'application/json'}}, (response) => {
      response.on('data', () => {});
      response.on('end', () => {
        if (response.statusCode !== 200) failures++;
        latencies.push(performance.now() - started);
        resolve();
      });
    }).on('error', () => { failures++; resolve(); });
  });
  const client = async () => {
    while (performance.now() < end) await one();
  };
  const began = performance.now();
  return Promise.all(Array.from({length: clients}, client)).then(() => {
    agent.destroy();
    if (failures) throw new Error(`${url}: ${failures} requests failed`);
    return {rate: latencies.length / ((performance.now() - began) / 1000), latencies};
  });
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
};
const median = (values) => percentile(values, 0.5);

const server = await startServer();
try {
  const signUp = await call(server.base, 'POST', '/api/v1/auths/signup', null,
    {name: 'Ceiling', email: `ceiling${Date.now()}@bench.io`, password: 'bench-Password-1'});
  const token = signUp.token;
  for (let batch = 0; batch < 4; batch++) {
    await call(server.base, 'POST', '/api/v1/chats/import', token,
      {chats: Array.from({length: 50}, (_, i) => conversation(batch * 50 + i, 10))});
  }
  const titles = await call(server.base, 'GET', '/api/v1/chats/?page=1', token);
  if (titles.length !== 60) throw new Error(`page 1 holds ${titles.length} titles, not 60`);
  const routes = {
    ceiling: `${server.base}/api/v1/auths/`,
    titles: `${server.base}/api/v1/chats/?page=1`,
    chat: `${server.base}/api/v1/chats/${titles[0].id}`,
  };
  const results = Object.fromEntries(Object.keys(routes).map((name) => [name, {rates: [], latencies: []}]));
  for (const name of Object.keys(routes)) await load(routes[name], token, 2000); // warm-up
  console.log(`${rounds} rounds of ${seconds} s per route, ${clients} clients, load average ${loadavg()[0].toFixed(1)}`);
  for (let round = 0; round < rounds; round++) {
    const line = [];
    for (const name of Object.keys(routes)) {
      const window = await load(routes[name], token, seconds * 1000);
      results[name].rates.push(window.rate);
      results[name].latencies.push(...window.latencies);
      line.push(`${name} ${window.rate.toFixed(0)}/s`);
    }
    console.log(`round ${round + 1}: ${line.join(', ')}`);
  }
  const ceiling = results.ceiling;
  const ceilingRate = median(ceiling.rates);
  const ceilingP99 = percentile(ceiling.latencies, 0.99);
  console.log('\nroute    requests/s (median)   p50 ms   p99 ms   throughput vs ceiling   p99 vs ceiling');
  for (const [name, result] of Object.entries(results)) {
    const rate = median(result.rates);
    const p99 = percentile(result.latencies, 0.99);
    console.log(`${name.padEnd(8)} ${rate.toFixed(0).padStart(19)} ${median(result.latencies).toFixed(2).padStart(8)} `
      + `${p99.toFixed(2).padStart(8)} ${(100 * rate / ceilingRate).toFixed(0).padStart(22)} % `
      + `${(p99 / ceilingP99).toFixed(2).padStart(15)}×`);
  }
  console.log(`load average at the end ${loadavg()[0].toFixed(1)}`);
} finally {
  await server.stop();
}
