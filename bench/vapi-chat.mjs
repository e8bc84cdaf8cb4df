// Vapi /chat benchmark against the server and a fake OpenAI-compatible upstream, all figures from one run:
//   1. the server's own overhead on a non-streamed POST /chat (the client's latency minus the time the upstream spent
//      on that very request, and the same as the server measures it: its Server-Timing total minus model), p50/p99
//      at CONCURRENCY (50) requests in flight, with the upstream answering after DELAY (20) ms, which saturates the
//      server, and after 250-750 ms, as a model answers a short question;
//   2. time from the upstream writing its first content chunk to the client reading the first streamed delta;
//   3. GET /chat page 1 (limit 100, the default) for a user with SMALL (1,000) chats and with LARGE (100,000), and
//      their ratio;
//   4. OPEN (500) streamed POST /chat held open at once (the upstream pauses HOLD ms between its three chunks): how
//      many read their first delta within two pauses of the start, while none had ended, and the server's heap
//      after a full GC, resident size and threads before and while they are open, per stream.
// Usage (Node 18+, no packages), from the repository root after `./mvnw -q -DskipTests package`:
//   node bench/vapi-chat.mjs --postgres 127.0.0.1:5432/test --pg-user postgres
//        # starts app/target/chats-server.jar on PostgreSQL, in a schema of its own (dropped at the end), and fills
//        # the large list with psql (copies of a chat the server stored, with fresh ids, older times) in seconds
//   node bench/vapi-chat.mjs                      # starts the server on H2 in a temp dir; fills through POST /chat
//   node bench/vapi-chat.mjs --server http://localhost:8080 --upstream-port 18089
//        # against a server you started with CHATS_MODEL_URLS_ALLOWED=http://127.0.0.1:18089/v1 (fills by POST /chat)
// Options: --concurrency 50 --requests 3000 --streams 300 --small 1000 --large 100000 --delay 20 (upstream think
// time in ms for the overhead run) --model-delay 500 --model-jitter 0.5 --model-requests 1000 (the second overhead
// run, its think time drawn uniformly from 500 ms ± 50 %; 0 requests skip it) --warmup 60000 (requests before any
// figure) --gap 20 (ms between streamed chunks) --open 500 --hold 10000; --phases 1,2,3,4 runs only some. Phase 4's
// memory figures need jcmd (the JDK's) and a server this script started. Any DATASOURCES_DEFAULT_*/CHATS_* variable
// in the environment reaches the server it starts.
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import {spawn, spawnSync} from 'node:child_process';
import {Worker, isMainThread, parentPort, workerData} from 'node:worker_threads';
import {fileURLToPath} from 'node:url';
import {freePort, readmeJvmFlags} from './server-start.mjs';

const now = () => Number(process.hrtime.bigint()) / 1e6; // CLOCK_MONOTONIC: the same clock in every thread
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const progress = (text) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${text}\n`);

// ------------------------------------------------------------------------------------------------------------------
// The fake upstream, in a worker thread of its own so that the client's work never delays its answers or its clock.
// Like the test suite's FakeOpenAiUpstream: for the last user message u it answers "ECHO[n]: u" with usage 10/5,
// streamed as a role chunk, the text in three chunks, a finish chunk, a usage chunk and [DONE].
function runUpstream({port}) {
  let delay = 0;
  let jitter = 0; // each answer's think time is drawn uniformly from delay × (1 ± jitter)
  let gap = 0;
  const spent = new Map();       // user message -> ms the upstream spent on the request (arrival to last byte)
  const firstChunk = new Map();  // user message -> when the first content chunk was written
  const server = http.createServer((req, res) => {
    const arrived = now();
    const parts = [];
    req.on('data', (part) => parts.push(part));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(parts).toString('utf8'));
      const messages = body.messages ?? [];
      const last = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
      const text = `ECHO[${messages.length}]: ${last}`;
      const usage = {prompt_tokens: 10, completion_tokens: 5, total_tokens: 15};
      res.on('finish', () => spent.set(last, now() - arrived));
      if (!body.stream) {
        setTimeout(() => {
          const answer = JSON.stringify({id: 'chatcmpl-fake', object: 'chat.completion', created: 1700000000,
            model: 'fake', choices: [{index: 0, finish_reason: 'stop', message: {role: 'assistant', content: text}}],
            usage});
          res.writeHead(200, {'content-type': 'application/json', 'content-length': Buffer.byteLength(answer)});
          res.end(answer);
        }, delay * (1 - jitter + 2 * jitter * Math.random()));
        return;
      }
      res.writeHead(200, {'content-type': 'text/event-stream'});
      res.flushHeaders();
      const chunk = (delta, extra = {}) => res.write(`data: ${JSON.stringify({id: 'chatcmpl-fake',
        object: 'chat.completion.chunk', choices: [{index: 0, delta, ...extra}]})}\n\n`);
      const size = Math.max(1, Math.ceil(text.length / 3));
      const pieces = [text.slice(0, size), text.slice(size, 2 * size), text.slice(2 * size)].filter((p) => p);
      chunk({role: 'assistant', content: ''});
      let i = 0;
      const next = () => {
        if (i < pieces.length) {
          chunk({content: pieces[i]});
          if (i === 0) firstChunk.set(last, now());
          i++;
          setTimeout(next, gap);
          return;
        }
        chunk({}, {finish_reason: 'stop'});
        res.write(`data: ${JSON.stringify({id: 'chatcmpl-fake', object: 'chat.completion.chunk', choices: [],
          usage})}\n\n`);
        res.end('data: [DONE]\n\n');
      };
      next();
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(port, '127.0.0.1', () => parentPort.postMessage({listening: server.address().port}));
  parentPort.on('message', (message) => {
    if (message.set) ({delay, gap, jitter = 0} = message.set);
    if (message.records) {
      parentPort.postMessage({records: {spent: [...spent], firstChunk: [...firstChunk]}});
      spent.clear();
      firstChunk.clear();
    }
    if (message.close) server.close(() => process.exit(0));
  });
}

// ------------------------------------------------------------------------------------------------------------------
async function main() {
  const options = parseOptions(process.argv.slice(2));
  const upstream = await startUpstream(Number(options['upstream-port'] ?? (options.server ? 18089 : 0)));
  const upstreamUrl = `http://127.0.0.1:${upstream.port}/v1`;
  progress(`upstream listening at ${upstreamUrl}`);
  const server = options.server ? {base: options.server, stop: () => {}} : await startServer(upstreamUrl, options);
  progress(`server at ${server.base}`);
  const agent = new http.Agent({keepAlive: true, maxSockets: 1000});
  try {
    const client = new Client(server.base, agent);
    const signup = await client.call('POST', '/api/v1/auths/signup', {name: 'Bench',
      email: `bench-${Date.now()}@example.com`, password: 'correct horse battery staple'});
    const {api_key: key} = await client.call('POST', '/api/v1/auths/api_key', null, signup.token);
    const assistant = {model: {provider: 'custom-llm', url: upstreamUrl, model: 'bench'}};
    console.log(`server ${server.base}, upstream ${upstreamUrl}, ${os.cpus().length} CPUs, Node ${process.version}; `
      + 'requests authenticate with an API key');

    progress(`warming up (${options.warmup} requests)`);
    // Warm-up: the JIT (its compilers take about 50,000 requests to settle on a 2-core machine), the store's
    // caches and the connection pools; last at the concurrency measured with the upstream thinking, so that every
    // connection (client to server, server to upstream) is open before the first measured request.
    await upstream.set({delay: 0, gap: 0});
    await concurrently(Number(options.warmup), Number(options.concurrency), (i) =>
      client.call('POST', '/chat', {assistant, input: `warm-${i}`}, key));
    await upstream.set({delay: 20, gap: 0});
    await concurrently(500, Number(options.concurrency), (i) =>
      client.call('POST', '/chat', {assistant, input: `warm-last-${i}`}, key));
    await upstream.records();

    const phases = new Set(String(options.phases).split(','));
    if (phases.has('1')) {
    progress('1. overhead');
    // 1. Overhead on non-streamed POST /chat at CONCURRENCY in flight: with the upstream answering at once (DELAY),
    // which saturates the server, then as a model answers a short question (MODEL_DELAY).
    const concurrency = Number(options.concurrency);
    // A model's think time varies from answer to answer: a constant one would keep the clients in lockstep, their
    // answers all arriving within the same millisecond.
    for (const [delay, jitter, requests] of [[Number(options.delay), 0, Number(options.requests)],
      [Number(options['model-delay']), Number(options['model-jitter']), Number(options['model-requests'])]]) {
      if (requests <= 0) continue;
      await upstream.set({delay, gap: 0, jitter});
      const latency = new Map();
      const serverSide = [];
      const cpuBefore = server.cpuMillis?.();
      const started = now();
      await concurrently(requests, concurrency, async (i) => {
        const tag = `overhead-${delay}-${i}`;
        const t0 = now();
        const timing = {};
        await client.call('POST', '/chat', {assistant, input: tag}, key, timing);
        latency.set(tag, now() - t0);
        // Server-Timing: the server's time to the answer's head and, of it, the model call's.
        const model = /model;dur=([\d.]+)/.exec(timing.header ?? '');
        const total = /total;dur=([\d.]+)/.exec(timing.header ?? '');
        if (model && total) serverSide.push(Number(total[1]) - Number(model[1]));
      });
      const wall = (now() - started) / 1000;
      const cpu = cpuBefore === undefined ? '' : `; server CPU ${((server.cpuMillis() - cpuBefore) / requests).toFixed(1)} `
        + 'ms per request (all its threads, GC and JIT included)';
      const {spent} = await upstream.records();
      const overhead = [...latency].map(([tag, ms]) => ms - spent.get(tag));
      const upstreamSpent = [...latency.keys()].map((tag) => spent.get(tag));
      const measured = serverSide.length === requests ? `; measured by the server (Server-Timing total - model) `
        + describe(serverSide) : `; Server-Timing missing on ${requests - serverSide.length} answers`;
      console.log(`1. POST /chat (non-streamed), ${requests} requests, ${concurrency} in flight, upstream think time `
        + `${delay} ms${jitter ? ` ± ${jitter * 100} %` : ''}: ${(requests / wall).toFixed(0)} requests/s; client latency ${describe([...latency.values()])}; `
        + `upstream's own time ${describe(upstreamSpent)}; server overhead (client latency - upstream) `
        + `${describe(overhead)}${measured}${cpu}`);
    }
    }

    if (phases.has('2')) {
    progress('2. streams');
    // 2. First streamed delta after the upstream's first content chunk, one stream at a time.
    await upstream.set({delay: 0, gap: Number(options.gap)});
    const firstDelta = new Map();
    for (let i = 0; i < Number(options.streams); i++) {
      const tag = `stream-${i}`;
      firstDelta.set(tag, await client.firstDelta({assistant, input: tag, stream: true}, key));
    }
    const {firstChunk} = await upstream.records();
    const relay = [...firstDelta].map(([tag, at]) => at - firstChunk.get(tag));
    console.log(`2. POST /chat stream:true, ${options.streams} streams one after another: first delta read by the `
      + `client after the upstream wrote its first content chunk ${describe(relay)}`);
    }

    if (phases.has('4')) {
      progress('4. open streams');
      await heldStreams(client, server, upstream, assistant, key, Number(options.open), Number(options.hold));
    }

    if (phases.has('3')) {
    progress('3. lists');
    // 3. GET /chat page 1 at SMALL chats and at LARGE chats, the same user.
    await upstream.set({delay: 0, gap: 0});
    const small = Number(options.small);
    const large = Number(options.large);
    const owner = await client.call('POST', '/api/v1/auths/signup', {name: 'Lister',
      email: `lister-${Date.now()}@example.com`, password: 'correct horse battery staple'});
    const seeded = Math.min(small, 100);
    await fill(client, owner.token, assistant, 0, seeded);
    const copy = server.copyChats ?? ((count) => fill(client, owner.token, assistant, -count, 0));
    await copy(small - seeded, owner.id);
    const atSmall = await timedPages(client, owner.token, small);
    progress(`filling up to ${large} chats`);
    const fillStarted = now();
    await copy(large - small, owner.id);
    const fillSeconds = (now() - fillStarted) / 1000;
    const atLarge = await timedPages(client, owner.token, large);
    console.log(`3. GET /chat page 1 (100 chats): ${describe(atSmall.times)} at ${small} chats, `
      + `${describe(atLarge.times)} at ${large} chats; median ratio ${(median(atLarge.times) / median(atSmall.times)).toFixed(2)}; `
      + `the count alone (limit=0): ${describe(atSmall.countOnly)} at ${small}, ${describe(atLarge.countOnly)} at ${large} `
      + `(${server.copyChats ? 'copied by SQL' : 'made through POST /chat'}: ${large - small} chats in `
      + `${fillSeconds.toFixed(0)} s)`);
    }
  } finally {
    agent.destroy();
    await upstream.close();
    server.stop();
  }
}

/**
 * Opens `open` streamed POST /chat at once while the upstream pauses `hold` ms between its chunks, waits until each has
 * read its first delta (or two pauses are over), measures the server, then waits for every stream to end.
 */
async function heldStreams(client, server, upstream, assistant, key, open, hold) {
  await upstream.set({delay: 0, gap: hold});
  const before = server.memory?.();
  const started = now();
  const firstDelta = [];
  // Each answer takes three pauses; the model's timeout is raised above that, so none ends early.
  const patient = {...assistant, model: {...assistant.model, timeoutSeconds: Math.ceil(hold * 4 / 1000)}};
  const ended = Promise.all(Array.from({length: open}, (_, i) =>
    client.heldStream({assistant: patient, input: `open-${i}`, stream: true}, key,
      () => firstDelta.push(now() - started))));
  while (firstDelta.length < open && now() - started < 2 * hold) await sleep(100);
  const held = firstDelta.length;
  const during = server.memory?.();
  const results = await ended;
  await upstream.set({delay: 0, gap: 0});
  const complete = results.filter(Boolean).length;
  let memory = '';
  if (before && during) {
    const per = (field) => ((during[field] - before[field]) / open / 1024).toFixed(1);
    memory = `; heap after full GC ${(before.heap / 1048576).toFixed(1)} -> ${(during.heap / 1048576).toFixed(1)} MiB `
      + `(${per('heap')} KiB per stream), resident ${(before.rss / 1048576).toFixed(0)} -> `
      + `${(during.rss / 1048576).toFixed(0)} MiB (${per('rss')} KiB per stream), threads ${before.threads} -> `
      + `${during.threads}`;
  }
  console.log(`4. ${open} streamed POST /chat opened at once, upstream pausing ${hold} ms between chunks: ${held} read `
    + `their first delta within two pauses (${held ? describe(firstDelta) : 'none'} after the start), `
    + `${complete} ended complete${memory}`);
}

async function fill(client, token, assistant, from, to) {
  let next = from;
  await concurrently(to - from, 32, async () => {
    const i = next++;
    await client.call('POST', '/chat', {assistant, input: `fill-${i}`}, token);
  });
}

async function timedPages(client, token, expected) {
  const first = await client.call('GET', '/chat', null, token);
  if (first.metadata.totalItems !== expected || first.results.length !== Math.min(100, expected)) {
    throw new Error(`expected ${expected} chats, the list says ${first.metadata.totalItems}`);
  }
  for (let i = 0; i < 50; i++) await client.call('GET', '/chat', null, token);
  const times = [];
  const countOnly = [];
  for (let i = 0; i < 300; i++) {
    let t0 = now();
    await client.call('GET', '/chat', null, token);
    times.push(now() - t0);
    t0 = now();
    await client.call('GET', '/chat?limit=0', null, token);
    countOnly.push(now() - t0);
  }
  return {times, countOnly};
}

class Client {
  constructor(base, agent) {
    this.url = new URL(base);
    this.agent = agent;
  }

  /** Answers the parsed body; `timing.header`, when given, receives the answer's Server-Timing header. */
  call(method, uri, body, token, timing) {
    return new Promise((resolve, reject) => {
      const payload = body == null ? null : Buffer.from(JSON.stringify(body));
      const req = http.request({host: this.url.hostname, port: this.url.port, path: uri, method, agent: this.agent,
        headers: {...(payload ? {'content-type': 'application/json', 'content-length': payload.length} : {}),
          ...(token ? {authorization: `Bearer ${token}`} : {})}}, (res) => {
        const parts = [];
        if (timing) timing.header = res.headers['server-timing'];
        res.on('data', (part) => parts.push(part));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          if (res.statusCode >= 300) reject(new Error(`${method} ${uri} answered ${res.statusCode}: ${text}`));
          else resolve(text ? JSON.parse(text) : null);
        });
      });
      req.on('error', reject);
      req.end(payload ?? undefined);
    });
  }

  /** Streams a POST /chat, calling `onFirst` at its first non-empty delta; answers whether it ended with deltas. */
  heldStream(body, token, onFirst) {
    return new Promise((resolve) => {
      const payload = Buffer.from(JSON.stringify(body));
      const req = http.request({host: this.url.hostname, port: this.url.port, path: '/chat', method: 'POST',
        agent: this.agent, headers: {'content-type': 'application/json', 'content-length': payload.length,
          authorization: `Bearer ${token}`}}, (res) => {
        let text = '';
        let first = false;
        res.setEncoding('utf8');
        res.on('data', (part) => {
          text += part;
          if (!first && /"delta":"[^"]/.test(text)) {
            first = true;
            onFirst();
          }
        });
        res.on('end', () => resolve(res.statusCode === 200 && first));
      });
      req.setTimeout(300_000);
      req.on('error', () => resolve(false));
      req.end(payload);
    });
  }

  /** Streams a POST /chat; answers when the first event with a non-empty delta was read, then drains the rest. */
  firstDelta(body, token) {
    return new Promise((resolve, reject) => {
      const payload = Buffer.from(JSON.stringify(body));
      const req = http.request({host: this.url.hostname, port: this.url.port, path: '/chat', method: 'POST',
        agent: this.agent, headers: {'content-type': 'application/json', 'content-length': payload.length,
          authorization: `Bearer ${token}`}}, (res) => {
        let buffered = '';
        let at = null;
        res.setEncoding('utf8');
        res.on('data', (text) => {
          const read = now();
          if (at !== null) return;
          buffered += text;
          for (const line of buffered.split('\n')) {
            if (line.startsWith('data:') && JSON.parse(line.slice(5)).delta) {
              at = read;
              break;
            }
          }
        });
        res.on('end', () => at === null ? reject(new Error(`no delta in the stream (${res.statusCode})`))
          : resolve(at));
      });
      req.on('error', reject);
      req.end(payload);
    });
  }
}

async function concurrently(count, width, task) {
  let next = 0;
  await Promise.all(Array.from({length: Math.min(width, count)}, async () => {
    while (next < count) await task(next++);
  }));
}

function startUpstream(port) {
  const worker = new Worker(fileURLToPath(import.meta.url), {workerData: {port}});
  const replies = [];
  worker.on('message', (message) => replies.shift()?.(message));
  const ask = (message) => new Promise((resolve) => {
    replies.push(resolve);
    worker.postMessage(message);
  });
  return new Promise((resolve) => {
    replies.push(({listening}) => resolve({
      port: listening,
      set: async (settings) => worker.postMessage({set: settings}),
      records: async () => {
        const {records} = await ask({records: true});
        return {spent: new Map(records.spent), firstChunk: new Map(records.firstChunk)};
      },
      close: async () => worker.postMessage({close: true}),
    }));
  });
}

async function startServer(upstreamUrl, options) {
  const postgres = options.postgres ? postgresPlace(options.postgres, options['pg-user'] ?? 'postgres') : null;
  const jar = options.jar ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'app', 'target',
    'chats-server.jar');
  if (!fs.existsSync(jar)) throw new Error(`${jar} not found: run ./mvnw -q -DskipTests package first`);
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chats-bench-'));
  const child = spawn('java', [...readmeJvmFlags(jar), '-jar', jar], {stdio: ['ignore', 'ignore', 'inherit'],
    env: {...process.env, MICRONAUT_SERVER_PORT: String(port), CHATS_DATA_DIR: dataDir,
      CHATS_MODEL_URLS_ALLOWED: upstreamUrl, ...(postgres?.environment ?? {})}});
  // Whatever ends this script ends the server it started.
  process.on('exit', () => child.kill('SIGTERM'));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await new Promise((resolve, reject) => http.get(`${base}/api/v1/auths/`, (res) => {
        res.resume();
        resolve();
      }).on('error', reject));
      break;
    } catch (e) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('the server did not start');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  // Linux: the server's CPU time so far, user and system, from /proc (in clock ticks of 10 ms).
  const cpuMillis = () => {
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  // Linux and the JDK's jcmd: the heap in use after a full collection, the resident size and the thread count.
  const memory = () => {
    spawnSync('jcmd', [String(child.pid), 'GC.run'], {encoding: 'utf8'});
    const info = spawnSync('jcmd', [String(child.pid), 'GC.heap_info'], {encoding: 'utf8'}).stdout ?? '';
    const used = /used (\d+)K/.exec(info);
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return {heap: used ? Number(used[1]) * 1024 : NaN, rss: Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024,
      threads: Number(/Threads:\s+(\d+)/.exec(status)[1])};
  };
  return {base, copyChats: postgres?.copyChats, cpuMillis: fs.existsSync('/proc') ? cpuMillis : undefined,
    memory: fs.existsSync('/proc') ? memory : undefined, stop: () => {
    child.kill('SIGTERM');
    fs.rmSync(dataDir, {recursive: true, force: true});
    postgres?.drop();
  }};
}

/**
 * A schema of the benchmark's own in a PostgreSQL database (host:port/database) that the server creates and
 * migrates, and a way to add COUNT chats to a user in one statement: copies of the user's newest stored chat with
 * fresh ids, each older than every chat before, so page 1 shows the same chats before and after.
 */
function postgresPlace(where, user) {
  const [hostPort, database] = where.split('/');
  const [host, port] = hostPort.split(':');
  const schema = `chats_bench_${Date.now()}`;
  const psql = (sql) => {
    const run = spawnSync('psql', ['-h', host, '-p', port ?? '5432', '-U', user, '-d', database, '-v',
      'ON_ERROR_STOP=1', '-qAt', '-c', sql], {encoding: 'utf8'});
    if (run.status !== 0) throw new Error(`psql failed: ${run.stderr}`);
    return run.stdout.trim();
  };
  return {
    environment: {DATASOURCES_DEFAULT_URL: `jdbc:postgresql://${host}:${port ?? 5432}/${database}`,
      DATASOURCES_DEFAULT_USERNAME: user, DATASOURCES_DEFAULT_SCHEMA: schema},
    copyChats: async (count, owner) => {
      if (count <= 0) return;
      psql(`INSERT INTO ${schema}.vapi_chat (user_id, id, assistant_id, session_id, previous_chat_id, created_at,
          updated_at, cost, body, turn_only)
        SELECT c.user_id, gen_random_uuid()::text, c.assistant_id, c.session_id, c.previous_chat_id,
          oldest.at - g, oldest.at - g, c.cost, c.body, c.turn_only
        FROM (SELECT * FROM ${schema}.vapi_chat WHERE user_id = '${owner}' ORDER BY created_at DESC LIMIT 1) c,
          (SELECT min(created_at) AS at FROM ${schema}.vapi_chat WHERE user_id = '${owner}') oldest,
          generate_series(1, ${Number(count)}) g`);
      // The server keeps each owner's count in the transaction of every insert: so does this copy.
      psql(`UPDATE ${schema}.vapi_chat_owner SET chats = chats + ${Number(count)} WHERE user_id = '${owner}'`);
      // What autovacuum does by itself soon after a bulk insert (PostgreSQL 13+): the statistics, and the visibility
      // map that lets counts and pages be read from the index alone.
      psql(`VACUUM ANALYZE ${schema}.vapi_chat`);
    },
    drop: () => psql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}

function parseOptions(args) {
  const options = {concurrency: 50, requests: 3000, streams: 300, small: 1000, large: 100000, delay: 20, gap: 20,
    'model-delay': 500, 'model-jitter': 0.5, 'model-requests': 1000, warmup: 60000, open: 500, hold: 10000, phases: '1,2,3,4'};
  for (let i = 0; i < args.length; i += 2) options[args[i].replace(/^--/, '')] = args[i + 1];
  return options;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
}

function median(values) {
  return percentile(values, 50);
}

function describe(values) {
  return `p50 ${percentile(values, 50).toFixed(2)} ms, p99 ${percentile(values, 99).toFixed(2)} ms`;
}

// Last, once every class and function above is defined.
if (!isMainThread) {
  runUpstream(workerData);
} else {
  await main();
}
