// Folder-creation cost against a started server: the median time of creating a folder when the user has none,
// against the same after the user has FOLDERS folders (default 10,000). Prints both and their ratio, measured in
// one run. Usage: node bench/folder-create.mjs [baseUrl] [folders]   (Node 18+, no packages)
const base = process.argv[2] ?? 'http://localhost:8080';
const total = Number(process.argv[3] ?? 10000);
const sample = 200;

async function call(path, body, token) {
  const response = await fetch(base + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {'content-type': 'application/json', ...(token ? {authorization: 'Bearer ' + token} : {})},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

async function timedCreates(token, prefix, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    await call('/api/v1/folders/', {name: `${prefix} ${i}`}, token);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const email = `bench-${Date.now()}@example.com`;
const {token} = await call('/api/v1/auths/signup', {name: 'Bench', email, password: 'correct horse battery'});
await timedCreates(token, 'warm-up', 100);
const few = await timedCreates(token, 'few', sample);
let made = 100 + sample;
const workers = 8;
await Promise.all(Array.from({length: workers}, async (_, w) => {
  for (let i = w; made < total; i += workers) {
    made++;
    await call('/api/v1/folders/', {name: `fill ${i}`}, token);
  }
}));
const many = await timedCreates(token, 'many', sample);
console.log(`folder create, median of ${sample}: ${few.toFixed(2)} ms with ~${100} folders, ` +
  `${many.toFixed(2)} ms with ~${made} folders; ratio ${(many / few).toFixed(2)}`);
