// Large chats: starts the server jar as the README starts it, on a fresh temporary H2 data directory (or on
// PostgreSQL, in a schema of its own), and checks then times what a 36 MB chat of 1,250 messages costs against a
// 10-message one. Builds nothing: run `./mvnw -q -DskipTests package` first.
//
//   node bench/large-chat.mjs [rounds=15] [--jar app/target/chats-server.jar]
//   node bench/large-chat.mjs --postgres 127.0.0.1:5432/test --pg-user postgres   # psql on the PATH
//
// 1. Sign-up; the 36 MB chat through POST /api/v1/chats/new, read back equal; the same through /api/v1/chats/import,
//    read back equal; sent whole again through POST /api/v1/chats/{id} with one message changed, read back equal;
//    a chat of 10 messages of the same size (about 29 kB each) created, so that the two chats differ only in length.
// 2. ROUNDS rounds (after 3 unrecorded warm-up rounds), each timing in turn: a message upsert with
//    `Prefer: return=minimal` on the 36 MB chat and on the 10-message chat (an existing message's content replaced by
//    as many characters on both; which of the two goes first alternates, since the round's large answers leave
//    garbage behind), the default upsert on the 36 MB chat (answers the whole chat), and a GET of the 36 MB chat.
//    Answers are read to their last byte; every one must be 2xx (204 for the minimal ones).
// Prints the medians (min–max), the ratios minimal(36 MB)/minimal(10 messages) and default(36 MB)/GET(36 MB), the
// server's CPU time for each kind (all threads, from /proc: less distorted by a busy machine than wall time), and
// the load average before and after. Node 18+, no packages.
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {freePort, readmeJvmFlags} from './server-start.mjs';

const options = {};
const positional = [];
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i].startsWith('--')) options[process.argv[i].slice(2)] = process.argv[++i];
  else positional.push(process.argv[i]);
}
const rounds = Number(positional[0] ?? 15);
const jar = options.jar ?? 'app/target/chats-server.jar';
if (!existsSync(jar)) throw new Error(`${jar} not found: run ./mvnw -q -DskipTests package first`);
const flags = readmeJvmFlags(jar);

const BIG_MESSAGES = 1250;
const BIG_BYTES = 36 * 1000 * 1000;
const WARM_UP = 3;
const MESSAGE_BYTES = Math.floor(BIG_BYTES / BIG_MESSAGES) - 200;
const TICKS_PER_SECOND = 100;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

function history(count, textBytes) {
  const messages = {};
  let parent = null;
  for (let m = 0; m < count; m++) {
    const id = `m${m}`;
    const content = `message ${m} `.padEnd(textBytes, 'lorem ipsum dolor sit amet, consectetur adipiscing elit ');
    messages[id] = {id, parentId: parent, childrenIds: m + 1 < count ? [`m${m + 1}`] : [],
      role: m % 2 ? 'assistant' : 'user', content, timestamp: 1700000000 + m, models: ['bench-model']};
    parent = id;
  }
  return {currentId: parent, messages};
}

function chat(title, count, textBytes) {
  return {title, models: ['bench-model'], history: history(count, textBytes)};
}

/** A chat's messages as read back, for comparison with what was sent: ids, parents and contents. */
function messagesOf(document) {
  const messages = document.history.messages;
  return Object.keys(messages).map((id) => `${id}:${messages[id].parentId}:${messages[id].content}`).join('\n');
}

/** A schema of the benchmark's own in a PostgreSQL database (host:port/database), dropped at the end. */
function postgresPlace(where, user) {
  const [hostPort, database] = where.split('/');
  const [host, port] = hostPort.split(':');
  const schema = `chats_bench_${Date.now()}`;
  return {
    label: `PostgreSQL ${where}`,
    environment: {DATASOURCES_DEFAULT_URL: `jdbc:postgresql://${host}:${port ?? 5432}/${database}`,
      DATASOURCES_DEFAULT_USERNAME: user, DATASOURCES_DEFAULT_SCHEMA: schema},
    drop: () => {
      const run = spawnSync('psql', ['-h', host, '-p', port ?? '5432', '-U', user, '-d', database, '-v',
        'ON_ERROR_STOP=1', '-qAt', '-c', `DROP SCHEMA IF EXISTS ${schema} CASCADE`], {encoding: 'utf8'});
      if (run.status !== 0) console.error(`dropping ${schema} failed: ${run.stderr}`);
    },
  };
}

class Server {
  async start(place) {
    this.dataDir = mkdtempSync(join(tmpdir(), 'chats-large-'));
    this.port = await freePort();
    this.base = `http://127.0.0.1:${this.port}`;
    this.log = '';
    this.child = spawn('java', [...flags, '-jar', jar], {
      env: {...process.env, CHATS_DATA_DIR: this.dataDir, MICRONAUT_SERVER_PORT: String(this.port),
        ...(place?.environment ?? {})},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk) => { this.log = (this.log + chunk).slice(-200_000); };
    this.child.stdout.on('data', keep);
    this.child.stderr.on('data', keep);
    this.exited = new Promise((resolve) => this.child.on('exit', resolve));
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

  /** CPU time of the server process so far (all threads), in ms; undefined without /proc. */
  cpuMillis() {
    try {
      const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 1000 / TICKS_PER_SECOND;
    } catch {
      return undefined;
    }
  }

  async stop() {
    this.child.kill('SIGTERM');
    await this.exited;
    rmSync(this.dataDir, {recursive: true, force: true});
  }

  /** The answer's status and body, read to the end; anything but 2xx throws. */
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
    return {status: response.status, text};
  }

  async json(method, path, token, body) {
    return JSON.parse((await this.call(method, path, token, body)).text);
  }
}

async function seed(server) {
  const {token} = await server.json('POST', '/api/v1/auths/signup', null,
    {name: 'Bench', email: 'bench@example.com', password: 'correct horse battery'});
  const big = chat('big', BIG_MESSAGES, MESSAGE_BYTES);
  const bigJson = JSON.stringify({chat: big});
  console.log(`36 MB chat: ${bigJson.length.toLocaleString('en')} bytes of JSON, ${BIG_MESSAGES} messages`);
  const sent = messagesOf(big);
  const readBack = async (id, what, expected = sent) => {
    if (messagesOf((await server.json('GET', `/api/v1/chats/${id}`, token)).chat) !== expected) {
      throw new Error(`the 36 MB chat ${what} did not read back equal`);
    }
  };
  const created = await server.json('POST', '/api/v1/chats/new', token, bigJson);
  await readBack(created.id, 'created through /new');
  const imported = await server.json('POST', '/api/v1/chats/import', token, JSON.stringify({chats: [
    {chat: big, meta: {}, pinned: false, created_at: 1700000000, updated_at: 1700000000}]}));
  const bigId = (Array.isArray(imported) ? imported[0] : imported).id;
  await readBack(bigId, 'imported');
  big.history.messages.m617.content = 'changed by a whole POST';
  await server.call('POST', `/api/v1/chats/${bigId}`, token, JSON.stringify({chat: big}));
  await readBack(bigId, 'sent whole again with one message changed', messagesOf(big));
  const smallChat = chat('small', 10, MESSAGE_BYTES);
  const small = await server.json('POST', '/api/v1/chats/new', token, {chat: smallChat});
  await readBack(small.id, 'of 10 messages', messagesOf(smallChat));
  return {token, bigId, smallId: small.id};
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const place = options.postgres ? postgresPlace(options.postgres, options['pg-user'] ?? 'postgres') : null;
console.log(`jar ${jar}, ${place ? place.label : 'H2 in a temporary directory'}, ${rounds} rounds, ` +
  `load average ${load()}`);
const server = new Server();
const kinds = ['minimal upsert, 36 MB chat', 'minimal upsert, 10-message chat', 'default upsert, 36 MB chat',
  'GET, 36 MB chat'];
const times = kinds.map(() => []);
const cpu = kinds.map(() => []);
try {
  await server.start(place);
  const {token, bigId, smallId} = await seed(server);
  console.log('the 36 MB chat was accepted by new, import and POST /{id} and read back equal each time');
  const content = (i) => `edited in round ${i} `.padEnd(MESSAGE_BYTES, 'x');
  const minimal = {prefer: 'return=minimal'};
  const requests = [
    (i) => server.call('POST', `/api/v1/chats/${bigId}/messages/m${(i * 7) % BIG_MESSAGES}`, token,
      {content: content(i)}, minimal),
    (i) => server.call('POST', `/api/v1/chats/${smallId}/messages/m${i % 10}`, token, {content: content(i)}, minimal),
    (i) => server.call('POST', `/api/v1/chats/${bigId}/messages/m${(i * 7 + 3) % BIG_MESSAGES}`, token,
      {content: content(i)}),
    () => server.call('GET', `/api/v1/chats/${bigId}`, token),
  ];
  for (let round = 0; round < WARM_UP + rounds; round++) {
    for (const k of round % 2 ? [1, 0, 2, 3] : [0, 1, 2, 3]) {
      const cpuBefore = server.cpuMillis();
      const started = performance.now();
      const {status, text} = await requests[k](round);
      const elapsed = performance.now() - started;
      const cpuAfter = server.cpuMillis();
      if (k < 2 && status !== 204) throw new Error(`${kinds[k]} answered ${status}, not 204`);
      if (k >= 2 && JSON.parse(text).id !== bigId) throw new Error(`${kinds[k]} did not answer the chat`);
      if (round >= WARM_UP) {
        times[k].push(elapsed);
        if (cpuBefore !== undefined) cpu[k].push(cpuAfter - cpuBefore);
      }
    }
  }
} catch (e) {
  throw new Error(`${e.message}\n${server.log.slice(-4000)}`);
} finally {
  if (server.child) await server.stop();
  place?.drop();
}
console.log(`load average at end ${load()}`);
for (let k = 0; k < kinds.length; k++) {
  const t = times[k];
  console.log(`${kinds[k].padEnd(32)} median ${median(t).toFixed(1)} ms (${Math.min(...t).toFixed(1)}–` +
    `${Math.max(...t).toFixed(1)})` + (cpu[k].length ? `, server CPU median ${median(cpu[k]).toFixed(0)} ms` : ''));
}
console.log(`minimal upsert 36 MB / 10 messages: ${(median(times[0]) / median(times[1])).toFixed(2)} (target ≤ 2)`);
console.log(`default upsert / GET, 36 MB chat: ${(median(times[2]) / median(times[3])).toFixed(2)} (target ≤ 1.5)`);
