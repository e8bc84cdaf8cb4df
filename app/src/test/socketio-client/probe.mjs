// Connects to a chats server's /ws/socket.io with socket.io-client as Open WebUI's front-end does (auth: {token},
// then user-join), and prints one JSON line per thing it sees: connect, connect_error, the user-join ack, each event
// with its name and payload, disconnect. Reads commands from stdin, one JSON object a line:
//   {"userJoin": "<token>"}  emits user-join with that token and prints its ack.
// Usage: node probe.mjs <base url> <token or ""> <websocket|polling|upgrade>
// (websocket or polling alone; upgrade: polling first, then the upgrade to WebSocket, as browsers connect)
import { io } from "socket.io-client";
import { createInterface } from "node:readline";

const [url, token, transport] = process.argv.slice(2);
const print = (line) => process.stdout.write(JSON.stringify(line) + "\n");

const socket = io(url, {
  path: "/ws/socket.io",
  transports: transport === "upgrade" ? ["polling", "websocket"] : [transport],
  upgrade: transport === "upgrade",
  reconnection: false,
  auth: token ? { token } : {},
});

// The upgrade may come before or after the connect: listen from the engine's start.
socket.io.engine.on("upgrade", (upgraded) => print({ kind: "upgrade", transport: upgraded.name }));

const userJoin = (joinToken) =>
  socket.emit("user-join", { auth: { token: joinToken } }, (...args) => print({ kind: "ack", args }));

socket.on("connect", () => {
  print({ kind: "connect", id: socket.id, transport: socket.io.engine.transport.name });
  userJoin(token);
});
socket.on("connect_error", (error) => print({ kind: "connect_error", message: error.message }));
socket.on("disconnect", (reason) => print({ kind: "disconnect", reason }));
socket.onAny((name, ...args) => print({ kind: "event", name, args }));

createInterface({ input: process.stdin }).on("line", (line) => {
  const command = JSON.parse(line);
  if (command.userJoin !== undefined) {
    userJoin(command.userJoin);
  }
}).on("close", () => {
  // stdin closed: disconnect properly (a polling client's close is one more request), then end.
  socket.close();
  setTimeout(() => process.exit(0), 300);
});
