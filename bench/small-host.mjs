// Small hosts: starts the server jar as the README starts it twice, uncapped and with -XX:MaxRAM=1g (what a 1 GB VPS
// gives the JVM), gives both the same data, then measures them in alternating windows (uncapped, capped, uncapped, …)
// so a change of the machine's load hits both alike, and prints each one's throughput, the ratio capped/uncapped,
// the peak resident size and whether either logged an OutOfMemoryError. Builds nothing: run
// `./mvnw -q -DskipTests package` first.
//
//   node bench/small-host.mjs [windows=4] [seconds=10] [jar=app/target/chats-server.jar] [--capped 'jvm flags']
//
// Each server gets a fresh temporary H2 data directory and meets, in order:
//   1. a sign-up (admin) and 200 chats of 10 messages imported through /api/v1/chats/import;
//   2. a chat of 1,250 messages, about 36 MB, imported through /api/v1/chats/import and read back equal, then sent
//      whole again through POST /api/v1/chats/{id} and read back equal;
//   3. WINDOWS windows of SECONDS of load with 8 clients: 6 loop over page 1 of the title list, a 10-message chat and
//      a message upsert of that chat (`Prefer: return=minimal`), 1 reads the 36 MB chat again and again, 1 upserts
//      its messages. Only one server is under load at a time; the other waits.
// Throughput is the requests answered per second of load (all must answer 2xx). Node 18+, no packages; Linux for the
// resident size (/proc).
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {freePort, readmeJvmFlags} from './server-start.mjs';

const positional = [];
let cappedFlags = ['-XX:MaxRAM=1g'];
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] === '--capped') cappedFlags = process.argv[++i].split(/\s+/).filter(Boolean);
  else positional.push(process.argv[i]);
}
const windows = Number(positional[0] ?? 4);
const seconds = Number(positional[1] ?? 10);
const jar = positional[2] ?? 'app/target/chats-server.jar';
if (!existsSync(jar)) throw new Error(`${jar} not found: run ./mvnw -q -DskipTests package first`);
const readme = readmeJvmFlags(jar);
const configs = [
  {label: 'uncapped', flags: readme},
  {label: `capped (${cappedFlags.join(' ')})`, flags: [...readme, ...cappedFlags]},
];

const BIG_MESSAGES = 1250;
const BIG_BYTES = 36 * 1000 * 1000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function history(prefix, count, textBytes) {
  const messages = {};
  let parent = null;
  for (let m = 0; m < count; m++) {
    const id = `${prefix}${m}`;
    const content = `message ${m} `.padEnd(textBytes, 'lorem ipsum dolor sit amet, consectetur adipiscing elit ');
    messages[id] = {id, parentId: parent, childrenIds: m + 1 < count ? [`${prefix}${m + 1}`] : [],
      role: m % 2 ? 'assistant' : 'user', content, timestamp: 1700000000 + m, models: ['bench-model']};
    parent = id;
  }
  return {currentId: parent, messages};
}

function chat(title, count, textBytes) {
  return {chat: {title, models: ['bench-model'], history: history('m', count, textBytes)}, meta: {}, pinned: false,
    created_at: 1700000000, updated_at: 1700000000};
}

/** The messages of a chat as read back, for comparison with what was sent: ids and contents. */
function messagesOf(body) {
  const messages = body.chat.history.messages;
  return Object.keys(messages).sort().map((id) => `${id}:${messages[id].content}`).join('\n');
}

class Server {
  constructor(flags) {
    this.flags = flags;
  }

  async start() {
    this.dataDir = mkdtempSync(join(tmpdir(), 'chats-small-'));
    this.port = await freePort();
    this.base = `http://127.0.0.1:${this.port}`;
    this.log = '';
    this.peakRss = 0;
    this.child = spawn('java', [...this.flags, '-jar', jar], {
      env: {...process.env, CHATS_DATA_DIR: this.dataDir, MICRONAUT_SERVER_PORT: String(this.port)},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk) => { this.log = (this.log + chunk).slice(-200_000); };
    this.child.stdout.on('data', keep);
    this.child.stderr.on('data', keep);
    this.exited = new Promise((resolve) => this.child.on('exit', resolve));
    this.sampler = setInterval(() => this.sampleRss(), 200);
    for (const deadline = performance.now() + 180_000; ;) {
      if (this.child.exitCode !== null) throw new Error(`the server exited before answering\n${this.log}`);
      if (performance.now() > deadline) throw new Error('the server did not answer within 180 s');
      try {
        if ((await fetch(`${this.base}/health/readiness`)).status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
  }

  sampleRss() {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'));
      if (match) this.peakRss = Math.max(this.peakRss, Number(match[1]) * 1024);
    } catch {
      // gone
    }
  }

  async stop() {
    clearInterval(this.sampler);
    this.child.kill('SIGTERM');
    await this.exited;
    rmSync(this.dataDir, {recursive: true, force: true});
  }

  async call(method, path, token, body, headers = {}) {
    const response = await fetch(this.base + path, {
      method,
      headers: {...(body === undefined ? {} : {'content-type': 'application/json'}),
        ...(token ? {authorization: `Bearer ${token}`} : {}), ...headers},
      body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
    });
    const text = await response.text();
    if (response.status < 200 || response.status > 299) {
      throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    }
    return text;
  }
}

async function seed(server) {
  const {token} = JSON.parse(await server.call('POST', '/api/v1/auths/signup', null,
    {name: 'Bench', email: 'bench@example.com', password: 'correct horse battery'}));
  for (let n = 0; n < 200; n += 50) {
    await server.call('POST', '/api/v1/chats/import', token,
      {chats: Array.from({length: 50}, (_, i) => chat(`small ${n + i}`, 10, 400))});
  }
  const small = JSON.parse(await server.call('GET', '/api/v1/chats/?page=1', token))[0].id;

  const big = chat('big', BIG_MESSAGES, Math.floor(BIG_BYTES / BIG_MESSAGES) - 200);
  const bigJson = JSON.stringify({chats: [big]});
  const sent = messagesOf(big);
  const imported = JSON.parse(await server.call('POST', '/api/v1/chats/import', token, bigJson));
  const bigId = (Array.isArray(imported) ? imported[0] : imported).id;
  if (messagesOf(JSON.parse(await server.call('GET', `/api/v1/chats/${bigId}`, token))) !== sent) {
    throw new Error('the imported 36 MB chat did not read back equal');
  }
  await server.call('POST', `/api/v1/chats/${bigId}`, token, JSON.stringify({chat: big.chat}));
  if (messagesOf(JSON.parse(await server.call('GET', `/api/v1/chats/${bigId}`, token))) !== sent) {
    throw new Error('the 36 MB chat sent whole again did not read back equal');
  }
  return {token, small, bigId};
}

async function measure(server, {token, small, bigId}) {
  let answered = 0;
  const stopAt = performance.now() + seconds * 1000;
  const minimal = {prefer: 'return=minimal'};
  const smallClient = async (worker) => {
    for (let i = 0; performance.now() < stopAt; i++) {
      switch (i % 3) {
        case 0: await server.call('GET', '/api/v1/chats/?page=1', token); break;
        case 1: await server.call('GET', `/api/v1/chats/${small}`, token); break;
        default: await server.call('POST', `/api/v1/chats/${small}/messages/m${(i + worker) % 10}`, token,
          {content: `edited ${worker} ${i}`}, minimal);
      }
      answered++;
    }
  };
  const bigReader = async () => {
    while (performance.now() < stopAt) {
      await server.call('GET', `/api/v1/chats/${bigId}`, token);
      answered++;
    }
  };
  const bigWriter = async () => {
    for (let i = 0; performance.now() < stopAt; i++) {
      await server.call('POST', `/api/v1/chats/${bigId}/messages/m${i % BIG_MESSAGES}`, token,
        {content: `edited big ${i}`}, minimal);
      answered++;
    }
  };
  const started = performance.now();
  await Promise.all([...Array.from({length: 6}, (_, w) => smallClient(w)), bigReader(), bigWriter()]);
  return answered / ((performance.now() - started) / 1000);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mib = (bytes) => `${Math.round(bytes / 1048576)} MiB`;

console.log(`jar ${jar}, ${windows} windows of ${seconds} s each, load average ` +
  loadavg().map((x) => x.toFixed(1)).join(' '));
const servers = configs.map((config) => new Server(config.flags));
const data = [];
const results = configs.map(() => []);
try {
  for (let c = 0; c < configs.length; c++) {
    await servers[c].start();
    try {
      data.push(await seed(servers[c]));
    } catch (e) {
      throw new Error(`${configs[c].label}: ${e.message}\n${servers[c].log.slice(-4000)}`);
    }
    console.log(`${configs[c].label}: seeded, the 36 MB chat read back equal twice`);
  }
  for (let w = 0; w < windows; w++) {
    for (let c = 0; c < configs.length; c++) {
      let throughput;
      try {
        throughput = await measure(servers[c], data[c]);
      } catch (e) {
        throw new Error(`${configs[c].label}: ${e.message}\n${servers[c].log.slice(-4000)}`);
      }
      results[c].push(throughput);
      console.log(`window ${w + 1} ${configs[c].label}: ${throughput.toFixed(1)} requests/s`);
    }
  }
} finally {
  for (const server of servers) {
    if (server.child) await server.stop();
  }
}
console.log(`load average at end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
for (let c = 0; c < configs.length; c++) {
  const t = results[c];
  const oom = /OutOfMemoryError/.test(servers[c].log);
  console.log(`${configs[c].label} [${configs[c].flags.join(' ')}]: median ${median(t).toFixed(1)} requests/s ` +
    `(min ${Math.min(...t).toFixed(1)}, max ${Math.max(...t).toFixed(1)}), peak RSS ${mib(servers[c].peakRss)}, ` +
    `OutOfMemoryError: ${oom ? 'yes' : 'no'}`);
}
const pairs = results[1].map((capped, w) => capped / results[0][w]);
console.log(`capped / uncapped throughput: ${(median(results[1]) / median(results[0])).toFixed(2)} ` +
  `(per window: ${pairs.map((x) => x.toFixed(2)).join(' ')})`);
