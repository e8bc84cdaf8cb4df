// Warm-up under load from a cold start, for comparing JVM flags (issue 12: start-up flags must not buy a faster
// first answer with a slower server). Starts the built jar once per variant and run, each time on a fresh temporary
// H2 data directory, and times the first 200 of GET /health/readiness; then signs up, imports 200 chats of 10
// messages, and loads the server at once with `clients` keep-alive clients, each looping over the sidebar's title
// page, one chat of 10 messages, the cheapest authenticated GET (/api/v1/auths/) and a message upsert of that chat
// (Prefer: return=minimal). It counts the answers in windows of `window` seconds for `seconds` seconds and prints,
// per window, each variant's requests/s (median over the runs) and its ratio to the first variant; then the ratio
// over the whole load and over its last third (the warm server). Variants run interleaved, forwards and backwards in
// turn (A B, B A, …), so neither a change of the machine's load nor the place in the order favours one; use an even
// number of runs. Builds nothing: run `./mvnw -q -DskipTests package` first. Node 18+, no packages.
//
//   node bench/warm-up.mjs [--runs 4] [--seconds 60] [--window 5] [--clients 8] [--jar app/target/chats-server.jar]
//                          [--variant 'label::jvm flags' ...]
//
// The first variant is always the README's run command (its JVM flags read from README.md); each --variant gives a
// label and the whole list of JVM flags of another, e.g. the archive flag alone to see what the JIT thresholds do.
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import http from 'node:http';
import {loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {freePort, readmeJvmFlags} from './server-start.mjs';

const options = {runs: 4, seconds: 60, window: 5, clients: 8, jar: 'app/target/chats-server.jar'};
const variants = [];
for (let i = 2; i < process.argv.length; i++) {
  const name = process.argv[i].replace(/^--/, '');
  if (name === 'variant') {
    const [label, flags = ''] = process.argv[++i].split('::');
    variants.push({label, flags: flags.split(/\s+/).filter(Boolean)});
  } else {
    options[name] = process.argv[++i];
  }
}
const runs = Number(options.runs);
const seconds = Number(options.seconds);
const windowSeconds = Number(options.window);
const clients = Number(options.clients);
if (!existsSync(options.jar)) throw new Error(`${options.jar} not found: run ./mvnw -q -DskipTests package first`);
if (variants.length === 0) throw new Error("name at least one --variant 'label::jvm flags' to compare with the README's command");
variants.unshift({label: 'README command', flags: readmeJvmFlags(options.jar)});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function request(agent, port, method, path, token, body, headers = {}) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request({host: '127.0.0.1', port, method, path, agent, headers: {
      accept: 'application/json', ...(token ? {authorization: `Bearer ${token}`} : {}),
      ...(payload === undefined ? {} : {'content-type': 'application/json', 'content-length': Buffer.byteLength(payload)}),
      ...headers}}, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (response.statusCode < 200 || response.statusCode > 299) {
          reject(new Error(`${method} ${path} answered ${response.statusCode}: ${text.slice(0, 300)}`));
        } else {
          resolve(text);
        }
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

function conversation(n, count) {
  const messages = {};
  let parent = null;
  for (let m = 0; m < count; m++) {
    const id = `m${m}`;
    messages[id] = {id, parentId: parent, childrenIds: m + 1 < count ? [`m${m + 1}`] : [],
      role: m % 2 ? 'assistant' : 'user', content: `message ${m} of chat ${n}: `.padEnd(400, 'lorem ipsum '),
      timestamp: 1700000000 + m};
    parent = id;
  }
  return {chat: {title: `Chat ${n}`, models: ['bench'], history: {currentId: parent, messages}}, meta: {},
    pinned: false, created_at: 1700000000 + n, updated_at: 1700000000 + n};
}

async function once(variant) {
  const dataDir = mkdtempSync(join(tmpdir(), 'chats-warm-up-'));
  const port = await freePort();
  let log = '';
  const started = performance.now();
  const child = spawn('java', [...variant.flags, '-jar', options.jar], {
    env: {...process.env, CHATS_DATA_DIR: dataDir, MICRONAUT_SERVER_PORT: String(port)},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => { log = (log + chunk).slice(-100_000); });
  child.stderr.on('data', (chunk) => { log = (log + chunk).slice(-100_000); });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const agent = new http.Agent({keepAlive: true, maxSockets: clients});
  try {
    let firstAnswer;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited before answering\n${log}`);
      if (performance.now() - started > 120_000) throw new Error('no answer within 120 s');
      try {
        await request(undefined, port, 'GET', '/health/readiness');
        firstAnswer = performance.now() - started;
        break;
      } catch {
        await sleep(5);
      }
    }
    const {token} = JSON.parse(await request(agent, port, 'POST', '/api/v1/auths/signup', null,
      {name: 'Warm', email: 'warm@example.com', password: 'correct horse battery'}));
    for (let n = 0; n < 200; n += 50) {
      await request(agent, port, 'POST', '/api/v1/chats/import', token,
        {chats: Array.from({length: 50}, (_, i) => conversation(n + i, 10))});
    }
    const titles = JSON.parse(await request(agent, port, 'GET', '/api/v1/chats/?page=1', token));
    const chat = titles[0].id;
    const windows = new Array(Math.ceil(seconds / windowSeconds)).fill(0);
    const loadStart = performance.now();
    const stopAt = loadStart + seconds * 1000;
    const client = async (worker) => {
      for (let i = 0; performance.now() < stopAt; i++) {
        switch (i % 4) {
          case 0: await request(agent, port, 'GET', '/api/v1/chats/?page=1', token); break;
          case 1: await request(agent, port, 'GET', `/api/v1/chats/${chat}`, token); break;
          case 2: await request(agent, port, 'GET', '/api/v1/auths/', token); break;
          default: await request(agent, port, 'POST', `/api/v1/chats/${chat}/messages/m${(i + worker) % 10}`, token,
            {content: `edited ${worker} ${i}`}, {prefer: 'return=minimal'});
        }
        const at = Math.floor((performance.now() - loadStart) / 1000 / windowSeconds);
        if (at < windows.length) windows[at]++;
      }
    };
    await Promise.all(Array.from({length: clients}, (_, w) => client(w)));
    return {firstAnswer, rates: windows.map((count) => count / windowSeconds)};
  } catch (e) {
    throw new Error(`${variant.label}: ${e.message}\n${log.slice(-3000)}`);
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, {recursive: true, force: true});
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

console.log(`jar ${options.jar}, ${runs} runs per variant, ${seconds} s of load in ${windowSeconds} s windows, `
  + `${clients} clients, load average at start ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const results = variants.map(() => []);
for (let r = 0; r < runs; r++) {
  // Forwards, then backwards (A B, B A, …): the server started second in a pair ran faster, whichever it was.
  const order = variants.map((_, v) => v);
  if (r % 2 === 1) order.reverse();
  for (const v of order) {
    const result = await once(variants[v]);
    results[v].push(result);
    console.log(`run ${r + 1} ${variants[v].label}: first answer after ${Math.round(result.firstAnswer)} ms, `
      + `${Math.round(sum(result.rates) / result.rates.length)} requests/s over the load`);
  }
}
const windowCount = results[0][0].rates.length;
const perWindow = results.map((runsOf) => Array.from({length: windowCount}, (_, w) => median(runsOf.map((x) => x.rates[w]))));
console.log(`\nrequests/s per ${windowSeconds} s window from the start of the load (median of ${runs} runs):`);
console.log(['window'.padEnd(10), ...variants.map((v, i) => (i === 0 ? v.label : `${v.label} (ratio)`).padStart(34))].join(''));
for (let w = 0; w < windowCount; w++) {
  const cells = perWindow.map((rates, v) => v === 0 ? rates[w].toFixed(0)
    : `${rates[w].toFixed(0)} (${(perWindow[0][w] / rates[w]).toFixed(2)})`);
  console.log([`${w * windowSeconds}-${(w + 1) * windowSeconds} s`.padEnd(10), ...cells.map((c) => c.padStart(34))].join(''));
}
const lastThird = Math.floor(windowCount * 2 / 3);
for (let v = 0; v < variants.length; v++) {
  const firsts = results[v].map((x) => x.firstAnswer);
  const whole = sum(perWindow[v]);
  const warm = sum(perWindow[v].slice(lastThird));
  const ratio = v === 0 ? '' : `; ${variants[0].label} / this: whole load ${(sum(perWindow[0]) / whole).toFixed(2)}, `
    + `last third ${(sum(perWindow[0].slice(lastThird)) / warm).toFixed(2)}`;
  console.log(`${variants[v].label} [${variants[v].flags.join(' ')}]: first answer median ${Math.round(median(firsts))} ms, `
    + `${(whole / windowCount).toFixed(0)} requests/s over the load, ${(warm / (windowCount - lastThird)).toFixed(0)} in its `
    + `last third${ratio}`);
}
console.log(`load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
