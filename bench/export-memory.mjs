// Export in constant memory: seeds CHATS chats of about KB kilobytes each (default 10,000 × 100 KB, ~1 GB) for one
// user through /api/v1/chats/import, then reads the user's whole export as the current Open WebUI front-end does
// (GET /api/v1/chats/all with Accept: application/x-ndjson) and the admin export (GET /api/v1/chats/all/db), checks
// every chat arrives once and whole, and prints bytes, time to the first line and throughput. Start the server with
// a heap far below the data size to make it a memory check, e.g.
//   java -Xmx128m -jar app/target/chats-server.jar
//   node bench/export-memory.mjs http://localhost:8080 10000 100        (Node 18+, no packages)
// A server that held the export in memory fails with OutOfMemoryError and this script with a broken stream.
const base = process.argv[2] ?? 'http://localhost:8080';
const total = Number(process.argv[3] ?? 10000);
const kilobytes = Number(process.argv[4] ?? 100);
const messagesPerChat = 10;
const batch = 40;

async function call(path, body, token) {
  const response = await fetch(base + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {'content-type': 'application/json', ...(token ? {authorization: 'Bearer ' + token} : {})},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

function chat(n) {
  const text = `chat ${n} `.padEnd(Math.floor(kilobytes * 1024 / messagesPerChat), 'lorem ipsum dolor sit amet ');
  const messages = {};
  let parent = null;
  for (let m = 0; m < messagesPerChat; m++) {
    const id = `m${m}`;
    messages[id] = {id, parentId: parent, childrenIds: m + 1 < messagesPerChat ? [`m${m + 1}`] : [],
      role: m % 2 ? 'assistant' : 'user', content: text, timestamp: 1700000000 + m};
    parent = id;
  }
  return {chat: {title: `export ${n}`, history: {currentId: parent, messages}}, meta: {}, pinned: false,
    created_at: 1700000000 + n, updated_at: 1700000000 + n};
}

async function signUp(name) {
  const email = `${name}-${Date.now()}@example.com`;
  return (await call('/api/v1/auths/signup', {name, email, password: 'correct horse battery'})).token;
}

/** Reads an NDJSON (or JSON array) answer as a stream; returns lines, bytes and the time to the first byte. */
async function readExport(path, token, accept) {
  const started = performance.now();
  const response = await fetch(base + path, {headers: {accept, authorization: 'Bearer ' + token}});
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let firstByte = null;
  let bytes = 0;
  let pending = '';
  const titles = new Set();
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    firstByte ??= performance.now() - started;
    bytes += value.length;
    pending += decoder.decode(value, {stream: true});
    const lines = pending.split('\n');
    pending = lines.pop();
    for (const line of lines) {
      if (line.trim()) {
        const exported = JSON.parse(line);
        if (Object.keys(exported.chat.history.messages).length !== messagesPerChat) {
          throw new Error(`${path}: chat ${exported.id} arrived with missing messages`);
        }
        titles.add(exported.title);
      }
    }
  }
  if (pending.trim()) titles.add(JSON.parse(pending).title);
  return {chats: titles.size, bytes, firstByte, seconds: (performance.now() - started) / 1000};
}

const admin = await signUp('export-admin');
const token = await signUp('export-user');
const seeding = performance.now();
for (let n = 0; n < total; n += batch) {
  await call('/api/v1/chats/import', {chats: Array.from({length: Math.min(batch, total - n)}, (_, i) => chat(n + i))},
    token);
  if ((n / batch) % 25 === 0) process.stderr.write(`\rseeded ${n}/${total}`);
}
process.stderr.write(`\rseeded ${total} chats in ${((performance.now() - seeding) / 1000).toFixed(0)} s\n`);

for (const [label, path, who] of [['user export /chats/all', '/api/v1/chats/all', token],
  ['admin export /chats/all/db', '/api/v1/chats/all/db', admin]]) {
  const result = await readExport(path, who, 'application/x-ndjson');
  if (result.chats < total) throw new Error(`${label}: ${result.chats} of ${total} chats arrived`);
  console.log(`${label}: ${result.chats} chats, ${(result.bytes / 1048576).toFixed(0)} MiB in ` +
    `${result.seconds.toFixed(1)} s (${(result.bytes / 1048576 / result.seconds).toFixed(0)} MiB/s), ` +
    `first byte after ${result.firstByte.toFixed(0)} ms`);
}
