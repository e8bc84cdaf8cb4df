// What every benchmark that starts the server jar needs: the JVM flags of the README's run command, so each starts it
// "as the README does" with the flags read from the one place a user reads them, and a free port for it. Node 18+,
// no packages.
import {existsSync, readFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const README = join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md');
const RUN_LINE = /&& java (.*) -jar app\/target\/chats-server\.jar\s*$/;

/**
 * The flags between `java` and `-jar` on the README's run line, for the given jar: its class-data archive flag names
 * that jar's archive (`x.jar` → `x.jsa`), and is left out when the jar has none, as the JVM would then only warn.
 */
export function readmeJvmFlags(jar = 'app/target/chats-server.jar') {
  const line = readFileSync(README, 'utf8').split('\n').find((l) => RUN_LINE.test(l));
  if (!line) throw new Error(`no "./mvnw … && java … -jar app/target/chats-server.jar" run line in ${README}`);
  const archive = jar.replace(/\.jar$/, '.jsa');
  return line.match(RUN_LINE)[1].split(/\s+/).filter(Boolean).flatMap((flag) => {
    if (!flag.startsWith('-XX:SharedArchiveFile=')) return [flag];
    return existsSync(archive) ? [`-XX:SharedArchiveFile=${archive}`] : [];
  });
}

/** A TCP port free on the loopback interface at the moment of asking, for a server about to be started. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}
