import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import {
  GatewayDispatchEvents,
  GatewayOpcodes,
  InteractionResponseType,
  MessageFlags,
  Routes,
  type APICommandAutocompleteInteractionResponseCallbackData,
  type APIInteraction,
  type APIInteractionResponseCallbackData,
  type APIMessage,
  type APIMessageTopLevelComponent,
  type APIModalInteractionResponseCallbackComponent,
  type APIModalInteractionResponseCallbackData,
  type ApplicationFlags,
  type GatewayReadyDispatchData,
  type GatewaySendPayload,
  type RESTPostAPIInteractionCallbackWithResponseResult,
} from "discord.js";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { checkRequest, loadContract, type DiscordErrorBody } from "./discord-contract.js";
import { botUser, FAKE_IDS, messagePayload, shardForGuild, snowflake } from "./interactions.js";

/**
 * A fake Discord: REST and gateway on one port of 127.0.0.1, for a real discord.js client.
 *
 * Held to Discord's contract: every REST request is checked against Discord's OpenAPI description
 * (`discord-contract.ts`) and the published limits it does not encode (`discord-published-limits.ts`); an interaction
 * callback later than 3 s after the dispatch, or a second one, fails as Discord's does. Each refusal is answered as
 * Discord answers it and kept in `contractViolations`; suites assert `takeContractViolations()` is empty after each
 * test. `clock` (ms) can be injected, so a test can be late without waiting.
 *
 * Shards: `start({ shards: N })` announces N in GET /gateway/bot (default 1). An IDENTIFY must carry
 * `shard: [id, N]` with id < N (none means [0, 1]), else the connection closes with 4010. READY carries `shard` and
 * that shard's guilds; events of a guild go to shard `(guild_id >> 22) % N` (`shardForGuild`), the rest (DMs) to
 * shard 0. `waitForShardReady(k)`, `connectedShards()`, `closeGateway(code, reason, k)`, and `guildIdOnShard(k, N)`
 * (interactions.ts) for a guild that lands on shard k. With one shard, all of this is invisible.
 */

export interface RecordedRequest {
  method: string;
  /** The route after /api/v10 exactly as sent, so it equals discord.js `Routes.*(...)` ("@original" is "%40original"). */
  path: string;
  /** When it arrived, by the fake's clock (ms). */
  receivedAt: number;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON (for a multipart upload, its payload_json part), the raw text of any other body, or undefined when empty. */
  body: unknown;
  /** The files of a multipart upload, as text. */
  files: UploadedFile[];
}

export interface UploadedFile {
  name: string;
  filename: string;
  text: string;
}

export interface RestReply {
  status: number;
  body?: unknown;
  /** Sends `body` (a string or Buffer) as it is, with this content type, instead of as JSON: a file download. */
  contentType?: string;
}

export type RestResponder = (request: RecordedRequest) => RestReply;

/** One flat shape for every callback type, so tests can read `data.content` or `data.choices` without narrowing. */
export type InteractionCallbackData = Omit<APIInteractionResponseCallbackData, "components"> &
  APICommandAutocompleteInteractionResponseCallbackData &
  Partial<Omit<APIModalInteractionResponseCallbackData, "components">> & {
    components?: (APIMessageTopLevelComponent | APIModalInteractionResponseCallbackComponent)[];
  };

export interface InteractionCallback {
  type: InteractionResponseType;
  data?: InteractionCallbackData;
}

/** A server the bot is in, with its channels and threads. */
export interface GuildSetup {
  id: string;
  channels: Record<string, unknown>[];
  threads?: Record<string, unknown>[];
}

/** A request Discord would have refused, and how the fake answered it. */
export interface ContractViolation {
  method: string;
  path: string;
  status: number;
  body: DiscordErrorBody;
  /** One line: what was wrong. */
  why: string;
}

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  botUserId?: string;
  /** Close with 4014 an IDENTIFY that asks for the Message Content intent, as Discord does when the switch is off. */
  refuseMessageContent?: boolean;
  /** The shard count GET /gateway/bot announces and every IDENTIFY must carry (default 1). */
  shards?: number;
  /** Milliseconds, for the acknowledgement deadline; a test sets its own to be late without waiting. */
  clock?: () => number;
}

/** The Message Content intent (privileged). */
const MESSAGE_CONTENT_INTENT = 1 << 15;

interface Route {
  method: string;
  pattern: RegExp;
  /** Bot-token routes; interaction callbacks and webhooks are authorised by their token instead. */
  auth?: boolean;
  handle: (request: RecordedRequest, params: string[]) => RestReply;
}

interface Override {
  method: string;
  path: string | RegExp;
  respond: RestResponder;
}

interface Connection {
  socket: WebSocket;
  /** Set by IDENTIFY or RESUME. */
  shard: number | undefined;
  ready: boolean;
}

interface TrackedInteraction {
  payload: APIInteraction;
  /** By the fake's clock. */
  dispatchedAt: number;
  acknowledged: boolean;
  /** Messages reachable through the interaction webhook: "@original" and follow-ups by id. */
  messages: Map<string, APIMessage>;
}

const SESSION_PREFIX = "fake-session-";
const ORIGINAL = "@original";
/** Discord's deadline for the first response to an interaction. */
const ACK_DEADLINE_MS = 3_000;
const INVALID_SHARD = 4010;
const GUILD_CREATE: string = GatewayDispatchEvents.GuildCreate;
const HEARTBEAT_INTERVAL_MS = 45_000;
/** Generous, so that a slow CI machine never fails a test that would pass. */
const DEFAULT_TIMEOUT_MS = 10_000;

const UNAUTHORIZED: RestReply = { status: 401, body: { message: "401: Unauthorized", code: 0 } };
const NOT_FOUND: RestReply = { status: 404, body: { message: "Unknown", code: 0 } };
const UNKNOWN_INTERACTION_ERROR: DiscordErrorBody = { message: "Unknown interaction", code: 10062 };
const UNKNOWN_INTERACTION: RestReply = { status: 404, body: UNKNOWN_INTERACTION_ERROR };
const ALREADY_ACKNOWLEDGED: DiscordErrorBody = { message: "Interaction has already been acknowledged.", code: 40060 };
const UNKNOWN_WEBHOOK: RestReply = { status: 404, body: { message: "Unknown Webhook", code: 10015 } };
const UNKNOWN_MESSAGE: RestReply = { status: 404, body: { message: "Unknown Message", code: 10008 } };
const INVALID_FORM_BODY: RestReply = { status: 400, body: { message: "Invalid Form Body", code: 50035 } };
const NO_CONTENT: RestReply = { status: 204 };

const EDITABLE_MESSAGE_FIELDS = new Set(["content", "embeds", "components", "flags"]);

/** A fake Discord (REST + gateway on one port) that a real discord.js Client can log in to. */
export class FakeDiscord {
  readonly apiUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUserId: string;
  readonly requests: RecordedRequest[] = [];
  /** Requests Discord would have refused, oldest first; `takeContractViolations()` empties it. */
  readonly contractViolations: ContractViolation[] = [];
  /** The shard count announced in GET /gateway/bot. */
  readonly shardCount: number;
  identifies = 0;
  resumes = 0;
  /**
   * While true, gateway connections are dropped before the WebSocket handshake: the client retries forever
   * and login() never settles. (Answering the upgrade with an HTTP error instead makes login() reject.)
   */
  rejectGatewayConnections = false;
  /** How many gateway connections rejectGatewayConnections has dropped. */
  refusedGatewayConnections = 0;

  private readonly gatewayUrl: string;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly changes = new EventEmitter().setMaxListeners(0);
  private readonly overrides: Override[] = [];
  private readonly holds: { method: string; path: string | RegExp; released: Promise<void> }[] = [];
  private readonly interactions = new Map<string, TrackedInteraction>();
  private readonly routes: Route[];
  /** Each shard's latest connection (set by IDENTIFY or RESUME), ready or not. */
  private readonly connections = new Map<number, Connection>();
  /** Each shard session's last sequence number; a RESUME goes on from it. */
  private readonly sequences = new Map<number, number>();
  /** The servers the bot is in (their GUILD_CREATE), listed in their shard's READY and sent after it. */
  private readonly guilds = new Map<string, GuildCreate>();
  /** Paths serveFile() answers: Discord's CDN, not its API, so no contract applies. */
  private readonly servedFiles = new Set<string>();
  private readonly refuseMessageContent: boolean;
  private readonly clock: () => number;
  /** Messages in channels (posted by the bot, or put there by a test), by id. */
  private readonly channelMessages = new Map<string, APIMessage>();
  /** Channels and threads a test created, by id, as GET and PATCH /channels/{id} see them. */
  private readonly channels = new Map<string, Record<string, unknown>>();
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly server: http.Server,
    port: number,
    options: FakeDiscordOptions,
  ) {
    this.apiUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    this.token = options.token ?? "test-token";
    this.applicationId = options.applicationId ?? FAKE_IDS.applicationId;
    this.botUserId = options.botUserId ?? FAKE_IDS.botUserId;
    this.refuseMessageContent = options.refuseMessageContent ?? false;
    this.shardCount = options.shards ?? 1;
    if (!Number.isInteger(this.shardCount) || this.shardCount < 1) throw new Error(`FakeDiscord: shards must be a whole number from 1, not ${this.shardCount}`);
    this.clock = options.clock ?? (() => performance.now());
    this.routes = this.buildRoutes();
    server.on("request", (req, res) => void this.onRequest(req, res));
    server.on("upgrade", (req, socket, head) => this.onUpgrade(req, socket as Socket, head));
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    loadContract();
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", resolve);
    });
    return new FakeDiscord(server, (server.address() as AddressInfo).port, options);
  }

  /** Resolves as soon as every announced shard's connection has been sent READY (and its guilds) or RESUMED. */
  async waitForReady(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    await this.waitUntil(() => this.connectedShards().length === this.shardCount || undefined, timeoutMs, "every shard's gateway connection ready");
  }

  /** Resolves as soon as shard `shard`'s connection has been sent READY (and its guilds) or RESUMED. */
  async waitForShardReady(shard: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    await this.waitUntil(() => this.connections.get(shard)?.ready || undefined, timeoutMs, `shard ${shard}'s gateway connection ready`);
  }

  /** The shards whose connection is ready, in order. */
  connectedShards(): number[] {
    return [...this.connections]
      .filter(([, connection]) => connection.ready)
      .map(([shard]) => shard)
      .sort((a, b) => a - b);
  }

  async waitForIdentifyCount(n: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    await this.waitUntil(() => this.identifies >= n || undefined, timeoutMs, `${n} IDENTIFY`);
  }

  /**
   * Resolves with the first request from index `since` on (default: all recorded so far, so a request
   * that arrived before the call still counts) that satisfies the predicate.
   */
  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    since = 0,
  ): Promise<RecordedRequest> {
    let next = since;
    const scanNew = (): RecordedRequest | undefined => {
      for (; next < this.requests.length; next++) if (predicate(this.requests[next]!)) return this.requests[next];
      return undefined;
    };
    return this.waitUntil(scanNew, timeoutMs, "a matching REST request");
  }

  /** Sends a dispatch event to its shard: that of its guild (`guild_id`, or `id` for GUILD_CREATE), else shard 0. */
  dispatch(event: string, data: unknown): void {
    const shard = this.shardOf(event, data);
    const connection = this.connections.get(shard);
    if (!connection?.ready) throw new Error(`FakeDiscord: no ready gateway connection for shard ${shard} to dispatch to`);
    this.sendDispatch(connection, event, data);
  }

  /**
   * A server with its channels and threads, so the client caches them as Discord would send them: GUILD_CREATE now
   * if its shard is ready, and in every READY of its shard from now on.
   */
  addGuild(guild: GuildSetup): void {
    for (const channel of [...guild.channels, ...(guild.threads ?? [])]) this.channels.set(channel.id as string, { ...channel, guild_id: guild.id });
    const payload = guildCreate(guild);
    this.guilds.set(guild.id, payload);
    if (this.connections.get(shardForGuild(guild.id, this.shardCount))?.ready) this.dispatch(GatewayDispatchEvents.GuildCreate, payload);
  }

  /** A channel created in a server the client already has (CHANNEL_CREATE). */
  addChannel(channel: Record<string, unknown> & { id: string; guild_id: string }): void {
    this.channels.set(channel.id, channel);
    this.dispatch(GatewayDispatchEvents.ChannelCreate, channel);
  }

  /** A message someone posts (MESSAGE_CREATE); it can then be fetched and replied to. */
  postMessage(message: APIMessage & { guild_id?: string; channel_type?: number }): void {
    this.channelMessages.set(message.id, message);
    this.dispatch(GatewayDispatchEvents.MessageCreate, message);
  }

  /** A message that exists without an event for it (a forum post's first message, fetched later). */
  putMessage(message: APIMessage): void {
    this.channelMessages.set(message.id, message);
  }

  /** A new thread or forum post (THREAD_CREATE with newly_created). */
  createThread(thread: Record<string, unknown>): void {
    this.channels.set(thread.id as string, thread);
    this.dispatch(GatewayDispatchEvents.ThreadCreate, { ...thread, newly_created: true });
  }

  channel(id: string): Record<string, unknown> | undefined {
    return this.channels.get(id);
  }

  /** The requests in which the bot posted in a channel (POST /channels/{id}/messages), oldest first. */
  postedIn(channelId: string): RecordedRequest[] {
    return this.requests.filter((request) => request.method === "POST" && request.path === `/channels/${channelId}/messages`);
  }

  /** The messages the bot posted in a channel, as Discord holds them (with their ids), oldest first. */
  botMessagesIn(channelId: string): APIMessage[] {
    return [...this.channelMessages.values()].filter((message) => message.channel_id === channelId && message.author.id === this.botUserId);
  }

  /** Dispatches INTERACTION_CREATE without waiting for an answer (e.g. to check that none comes). */
  dispatchInteraction(payload: APIInteraction): void {
    this.interactions.set(payload.token, { payload, dispatchedAt: this.clock(), acknowledged: false, messages: new Map() });
    this.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
  }

  /** Dispatches INTERACTION_CREATE and resolves with the bot's callback body for that interaction. */
  async interact(payload: APIInteraction, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<InteractionCallback> {
    const since = this.requests.length;
    const callbackPath = Routes.interactionCallback(payload.id, payload.token);
    this.dispatchInteraction(payload);
    const request = await this.waitForRequest(
      (r) => r.method === "POST" && r.path === callbackPath,
      timeoutMs,
      since,
    );
    if (typeof request.body !== "object" || request.body === null) {
      throw new Error(`FakeDiscord: interaction callback body is not JSON: ${String(request.body)}`);
    }
    return request.body as InteractionCallback;
  }

  /** Every REST request made with one interaction's token: callback, edits of @original, follow-ups. */
  requestsFor(interactionToken: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.split("/").includes(interactionToken));
  }

  /**
   * Serves `content` as a file at `<apiUrl>/v10<path>` (GET), e.g. the URL of an attachment the bot downloads,
   * and returns that URL. The download is recorded like any other request, under `path`.
   */
  serveFile(path: string, content: string | Buffer, contentType = "application/octet-stream"): string {
    this.servedFiles.add(path);
    this.overrideRest("GET", path, () => ({ status: 200, body: content, contentType }));
    return `${this.apiUrl}/v10${path}`;
  }

  /** Answers requests for `path` (exact route, or a pattern) with `respond`; the latest override wins. */
  overrideRest(method: string, path: string | RegExp, respond: RestResponder): void {
    this.overrides.push({ method, path, respond });
  }

  /**
   * Holds the answers to matching requests (they are recorded at once) until the returned function is called: a
   * request the bot is waiting on stays in flight for as long as a test needs.
   */
  hold(method: string, path: string | RegExp): () => void {
    let release: () => void = () => undefined;
    const entry = { method, path, released: new Promise<void>((resolve) => (release = resolve)) };
    this.holds.push(entry);
    return () => {
      this.holds.splice(this.holds.indexOf(entry), 1);
      release();
    };
  }

  closeGateway(code: number, reason?: string, shard = 0): void {
    const connection = this.connections.get(shard);
    if (!connection) throw new Error(`FakeDiscord: no gateway connection for shard ${shard} to close`);
    this.connections.delete(shard);
    connection.socket.close(code, reason);
  }

  /** The contract violations so far, and forgets them: a suite expects none after each test, a test that provokes one takes it. */
  takeContractViolations(): ContractViolation[] {
    return this.contractViolations.splice(0);
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    for (const socket of this.wss.clients) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private waitUntil<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`FakeDiscord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const attempt = (): void => {
        const value = check();
        if (value === undefined) return;
        finish();
        resolve(value);
      };
      const finish = (): void => {
        clearTimeout(timer);
        this.changes.off("change", attempt);
      };
      this.changes.on("change", attempt);
      attempt();
    });
  }

  private changed(): void {
    this.changes.emit("change");
  }

  private onUpgrade(req: http.IncomingMessage, socket: Socket, head: Buffer): void {
    if (this.rejectGatewayConnections) {
      this.refusedGatewayConnections++;
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
  }

  private onConnection(socket: WebSocket): void {
    const connection: Connection = { socket, shard: undefined, ready: false };
    socket.on("message", (raw) => this.onGatewayMessage(connection, JSON.parse(text(raw)) as GatewaySendPayload));
    socket.on("close", () => {
      if (connection.shard !== undefined && this.connections.get(connection.shard) === connection) this.connections.delete(connection.shard);
    });
    send(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS } });
  }

  private onGatewayMessage(connection: Connection, payload: GatewaySendPayload): void {
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        send(connection.socket, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        if (payload.d.token !== this.token) {
          connection.socket.close(4004, "Authentication failed.");
          return;
        }
        if (this.refuseMessageContent && (Number(payload.d.intents) & MESSAGE_CONTENT_INTENT) !== 0) {
          connection.socket.close(4014, "Disallowed intent(s).");
          return;
        }
        this.identify(connection, payload.d.shard ?? [0, 1]);
        return;
      case GatewayOpcodes.Resume: {
        const shard = this.shardOfSession(payload.d.session_id);
        if (payload.d.token !== this.token || shard === undefined) {
          send(connection.socket, { op: GatewayOpcodes.InvalidSession, d: false });
          return;
        }
        this.resumes++;
        this.claim(connection, shard);
        this.sendDispatch(connection, GatewayDispatchEvents.Resumed, {});
        this.becomeReady(connection);
        return;
      }
      default:
        return;
    }
  }

  /** A new session for a shard Discord announced: READY with that shard's guilds, then a GUILD_CREATE for each. */
  private identify(connection: Connection, [shard, count]: [number, number]): void {
    if (count !== this.shardCount || !Number.isInteger(shard) || shard < 0 || shard >= count) {
      connection.socket.close(INVALID_SHARD, "Invalid shard.");
      return;
    }
    this.identifies++;
    this.sequences.set(shard, 0);
    this.claim(connection, shard);
    const guilds = [...this.guilds.values()].filter((guild) => shardForGuild(guild.id, this.shardCount) === shard);
    this.sendDispatch(connection, GatewayDispatchEvents.Ready, this.readyData(shard, guilds));
    for (const guild of guilds) this.sendDispatch(connection, GatewayDispatchEvents.GuildCreate, guild);
    this.becomeReady(connection);
  }

  private claim(connection: Connection, shard: number): void {
    connection.shard = shard;
    this.connections.set(shard, connection);
  }

  private becomeReady(connection: Connection): void {
    connection.ready = true;
    this.changed();
  }

  /** The shard of a session this fake started, or undefined. */
  private shardOfSession(sessionId: string): number | undefined {
    const shard = Number(sessionId.slice(SESSION_PREFIX.length));
    return sessionId.startsWith(SESSION_PREFIX) && this.sequences.has(shard) ? shard : undefined;
  }

  /** The shard an event belongs to: its guild's, else (a DM) shard 0. */
  private shardOf(event: string, data: unknown): number {
    const fields = data as { id?: unknown; guild_id?: unknown } | null;
    const guildId = event === GUILD_CREATE ? fields?.id : fields?.guild_id;
    return typeof guildId === "string" ? shardForGuild(guildId, this.shardCount) : 0;
  }

  private sendDispatch(connection: Connection, event: string, data: unknown): void {
    const shard = connection.shard ?? 0;
    const sequence = (this.sequences.get(shard) ?? 0) + 1;
    this.sequences.set(shard, sequence);
    send(connection.socket, { op: GatewayOpcodes.Dispatch, t: event, s: sequence, d: data });
  }

  private readyData(shard: number, guilds: GuildCreate[]): GatewayReadyDispatchData {
    return {
      v: 10,
      user: botUser(this.botUserId),
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: `${SESSION_PREFIX}${shard}`,
      resume_gateway_url: this.gatewayUrl,
      shard: [shard, this.shardCount],
      application: { id: this.applicationId, flags: 0 as ApplicationFlags, flags_new: "0" },
    };
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      const request = await record(req, this.clock());
      this.requests.push(request);
      const hold = this.holds.find((candidate) => candidate.method === request.method && matches(candidate.path, request.path));
      if (hold) {
        this.changed();
        await hold.released;
      }
      reply(res, this.respond(request));
      this.changed();
    } catch (error) {
      reply(res, { status: 500, body: { message: `FakeDiscord: ${String(error)}`, code: 0 } });
    }
  }

  private respond(request: RecordedRequest): RestReply {
    const served = request.method === "GET" && this.servedFiles.has(request.path);
    const breach = served ? undefined : checkRequest(request);
    if (breach) return this.refuse(request, breach.status, breach.body, breach.why);
    const override = this.overrides.findLast(
      (o) => o.method === request.method && matches(o.path, request.path),
    );
    if (override) return override.respond(request);
    for (const route of this.routes) {
      const match = request.method === route.method ? route.pattern.exec(request.path) : null;
      if (!match) continue;
      if (route.auth && request.headers.authorization !== `Bot ${this.token}`) return UNAUTHORIZED;
      return route.handle(request, match.slice(1));
    }
    return NOT_FOUND;
  }

  private buildRoutes(): Route[] {
    const webhookMessage = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/;
    return [
      { method: "GET", pattern: /^\/gateway\/bot$/, auth: true, handle: () => this.gatewayBot() },
      { method: "POST", pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/, handle: (r, p) => this.callback(r, p) },
      { method: "POST", pattern: /^\/webhooks\/(\d+)\/([^/]+)$/, handle: (r, p) => this.followUp(r, p) },
      { method: "GET", pattern: webhookMessage, handle: (_r, p) => this.getMessage(p) },
      { method: "PATCH", pattern: webhookMessage, handle: (r, p) => this.editMessage(r, p) },
      { method: "DELETE", pattern: webhookMessage, handle: (_r, p) => this.deleteMessage(p) },
      { method: "PUT", pattern: /^\/applications\/(\d+)\/commands$/, auth: true, handle: (r, p) => this.putCommands(r, p) },
      { method: "POST", pattern: /^\/channels\/(\d+)\/messages$/, auth: true, handle: (r, p) => this.postChannelMessage(r, p) },
      { method: "GET", pattern: /^\/channels\/(\d+)\/messages\/(\d+)$/, auth: true, handle: (_r, p) => this.getChannelMessage(p) },
      { method: "DELETE", pattern: /^\/channels\/(\d+)\/messages\/(\d+)$/, auth: true, handle: (_r, p) => this.deleteChannelMessage(p) },
      { method: "GET", pattern: /^\/channels\/(\d+)$/, auth: true, handle: (_r, p) => this.getChannel(p) },
      { method: "PATCH", pattern: /^\/channels\/(\d+)$/, auth: true, handle: (r, p) => this.patchChannel(r, p) },
      {
        method: "PUT",
        pattern: /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/,
        auth: true,
        handle: (r, p) => this.putCommands(r, p),
      },
    ];
  }

  /** Answers a request as Discord refuses it, and keeps it as a contract violation. */
  private refuse(request: RecordedRequest, status: number, body: DiscordErrorBody, why: string): RestReply {
    this.contractViolations.push({ method: request.method, path: request.path, status, body, why });
    return { status, body };
  }

  private gatewayBot(): RestReply {
    const sessionStartLimit = { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 };
    return { status: 200, body: { url: this.gatewayUrl, shards: this.shardCount, session_start_limit: sessionStartLimit } };
  }

  private callback(request: RecordedRequest, [id, token]: string[]): RestReply {
    const interaction = this.interactions.get(token ?? "");
    if (!interaction || interaction.payload.id !== id) return UNKNOWN_INTERACTION;
    if (interaction.acknowledged) {
      return this.refuse(request, 400, ALREADY_ACKNOWLEDGED, `interaction ${id} answered a second time`);
    }
    const delay = request.receivedAt - interaction.dispatchedAt;
    if (delay > ACK_DEADLINE_MS) {
      return this.refuse(request, 404, UNKNOWN_INTERACTION_ERROR, `interaction ${id} answered ${Math.round(delay)} ms after its dispatch, past Discord's ${ACK_DEADLINE_MS} ms`);
    }
    interaction.acknowledged = true;
    const callback = request.body as InteractionCallback;
    const original = this.originalAfter(interaction, callback);
    if (original) interaction.messages.set(ORIGINAL, original);
    if (request.query.get("with_response") !== "true") return NO_CONTENT;
    return { status: 200, body: callbackResponse(interaction.payload, callback, original) };
  }

  /** The message that @original refers to once the interaction is answered with `callback`. */
  private originalAfter(interaction: TrackedInteraction, callback: InteractionCallback): APIMessage | undefined {
    const { payload } = interaction;
    const component = "message" in payload ? payload.message : undefined;
    switch (callback.type) {
      case InteractionResponseType.ChannelMessageWithSource:
        return this.botMessage(payload, messageFields(callback.data));
      case InteractionResponseType.DeferredChannelMessageWithSource:
        return this.botMessage(payload, { flags: (callback.data?.flags ?? 0) | MessageFlags.Loading });
      case InteractionResponseType.DeferredMessageUpdate:
        return component;
      case InteractionResponseType.UpdateMessage:
        return component && edited(component, callback.data);
      default:
        return undefined;
    }
  }

  private botMessage(payload: APIInteraction, fields: Partial<APIMessage>): APIMessage {
    return messagePayload({
      channel_id: payload.channel?.id ?? payload.channel_id,
      author: botUser(this.botUserId),
      webhook_id: payload.application_id,
      application_id: payload.application_id,
      ...fields,
    });
  }

  /** Webhook routes only work for an interaction that was dispatched and already acknowledged. */
  private answered([appId, token]: string[]): TrackedInteraction | undefined {
    const interaction = this.interactions.get(token ?? "");
    return interaction?.acknowledged && interaction.payload.application_id === appId ? interaction : undefined;
  }

  private followUp(request: RecordedRequest, params: string[]): RestReply {
    const interaction = this.answered(params);
    if (!interaction) return UNKNOWN_WEBHOOK;
    const message = this.botMessage(interaction.payload, messageFields(request.body));
    interaction.messages.set(message.id, message);
    return request.query.get("wait") === "true" ? { status: 200, body: message } : NO_CONTENT;
  }

  private getMessage(params: string[]): RestReply {
    const interaction = this.answered(params);
    if (!interaction) return UNKNOWN_WEBHOOK;
    const message = interaction.messages.get(messageRef(params));
    return message ? { status: 200, body: message } : UNKNOWN_MESSAGE;
  }

  private editMessage(request: RecordedRequest, params: string[]): RestReply {
    const interaction = this.answered(params);
    if (!interaction) return UNKNOWN_WEBHOOK;
    const ref = messageRef(params);
    const message = interaction.messages.get(ref);
    if (!message) return UNKNOWN_MESSAGE;
    const updated = edited(message, request.body);
    interaction.messages.set(ref, updated);
    return { status: 200, body: updated };
  }

  private deleteMessage(params: string[]): RestReply {
    const interaction = this.answered(params);
    if (!interaction) return UNKNOWN_WEBHOOK;
    return interaction.messages.delete(messageRef(params)) ? NO_CONTENT : UNKNOWN_MESSAGE;
  }

  /** A reply to a message that does not exist fails, as Discord's does unless fail_if_not_exists is false. */
  private postChannelMessage(request: RecordedRequest, [channelId]: string[]): RestReply {
    const body = request.body as { message_reference?: { message_id?: string; fail_if_not_exists?: boolean } } & Record<string, unknown>;
    const reference = body.message_reference;
    if (reference?.message_id && !this.channelMessages.has(reference.message_id) && reference.fail_if_not_exists !== false) return INVALID_FORM_BODY;
    const message = messagePayload({ channel_id: channelId, author: botUser(this.botUserId), ...messageFields(body) });
    this.channelMessages.set(message.id, message);
    return { status: 200, body: message };
  }

  private getChannelMessage([channelId, messageId]: string[]): RestReply {
    const message = this.channelMessages.get(messageId ?? "");
    return message && message.channel_id === channelId ? { status: 200, body: message } : UNKNOWN_MESSAGE;
  }

  private deleteChannelMessage([channelId, messageId]: string[]): RestReply {
    const message = this.channelMessages.get(messageId ?? "");
    if (!message || message.channel_id !== channelId) return UNKNOWN_MESSAGE;
    this.channelMessages.delete(messageId ?? "");
    return NO_CONTENT;
  }

  private getChannel([channelId]: string[]): RestReply {
    const channel = this.channels.get(channelId ?? "");
    return channel ? { status: 200, body: channel } : { status: 404, body: { message: "Unknown Channel", code: 10003 } };
  }

  private patchChannel(request: RecordedRequest, [channelId]: string[]): RestReply {
    const channel = this.channels.get(channelId ?? "");
    if (!channel) return { status: 404, body: { message: "Unknown Channel", code: 10003 } };
    const updated = { ...channel, ...(request.body as object) };
    this.channels.set(channelId ?? "", updated);
    return { status: 200, body: updated };
  }

  private putCommands(request: RecordedRequest, [appId, guildId]: string[]): RestReply {
    if (appId !== this.applicationId) return NOT_FOUND;
    if (!Array.isArray(request.body)) return INVALID_FORM_BODY;
    const commands: unknown[] = request.body;
    const registered = commands.map((command) => ({
      type: 1,
      default_member_permissions: null,
      ...(command as object),
      id: snowflake(),
      application_id: appId,
      version: snowflake(),
      ...(guildId ? { guild_id: guildId } : {}),
    }));
    return { status: 200, body: registered };
  }
}

type GuildCreate = Record<string, unknown> & { id: string };

/** A GUILD_CREATE payload with every field discord.js reads. */
function guildCreate(guild: GuildSetup): GuildCreate {
  return {
    id: guild.id,
    name: `guild-${guild.id.slice(-4)}`,
    icon: null,
    owner_id: snowflake(),
    afk_channel_id: null,
    afk_timeout: 60,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [{ id: guild.id, name: "@everyone", color: 0, hoist: false, position: 0, permissions: "0", managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: "en-US",
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: new Date(0).toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    channels: guild.channels,
    threads: guild.threads ?? [],
  };
}

async function record(req: http.IncomingMessage, receivedAt: number): Promise<RecordedRequest> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const route = url.pathname.startsWith("/api/v10/") ? url.pathname.slice("/api/v10".length) : url.pathname;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  return {
    method: req.method ?? "GET",
    path: route,
    receivedAt,
    query: url.searchParams,
    headers: req.headers,
    ...parseBody(raw, req.headers["content-type"]),
  };
}

function parseBody(raw: string, contentType: string | undefined): { body: unknown; files: UploadedFile[] } {
  if (raw === "") return { body: undefined, files: [] };
  if (contentType?.startsWith("application/json")) return { body: JSON.parse(raw), files: [] };
  const boundary = /^multipart\/form-data;.*boundary="?([^";]+)"?/.exec(contentType ?? "")?.[1];
  if (!boundary) return { body: raw, files: [] };
  const parts = multipartParts(raw, boundary);
  const payload = parts.find((part) => part.name === "payload_json");
  return {
    body: payload ? JSON.parse(payload.text) : raw,
    files: parts.flatMap((part) => (part.filename === undefined ? [] : [{ name: part.name, filename: part.filename, text: part.text }])),
  };
}

function multipartParts(raw: string, boundary: string): { name: string; filename?: string; text: string }[] {
  return raw
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const split = part.indexOf("\r\n\r\n");
      const head = part.slice(0, split);
      const text = part.slice(split + 4).replace(/\r\n$/, "");
      const filename = /filename="([^"]*)"/.exec(head)?.[1];
      return { name: /name="([^"]*)"/.exec(head)?.[1] ?? "", ...(filename !== undefined ? { filename } : {}), text };
    });
}

/** A 204 must not carry a JSON content-type: discord.js would then try to parse the empty body. */
function reply(res: http.ServerResponse, { status, body, contentType }: RestReply): void {
  if (contentType !== undefined && (typeof body === "string" || Buffer.isBuffer(body))) {
    res.writeHead(status, { "content-type": contentType }).end(body);
    return;
  }
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** The message id of a webhook message route, or "@original" (sent percent-encoded). */
function messageRef(params: string[]): string {
  return decodeURIComponent(params[2] ?? "");
}

function matches(path: string | RegExp, actual: string): boolean {
  return typeof path === "string" ? path === actual : path.test(actual);
}

function send(socket: WebSocket, payload: object): void {
  socket.send(JSON.stringify(payload));
}

/** With ws's default binaryType ("nodebuffer") every message arrives as one Buffer. */
function text(raw: RawData): string {
  return (raw as Buffer).toString("utf8");
}

/** The message fields a reply, update or edit body may set; multipart bodies (attachments) set none. */
function messageFields(body: unknown): Partial<APIMessage> {
  if (typeof body !== "object" || body === null) return {};
  return Object.fromEntries(Object.entries(body).filter(([key]) => EDITABLE_MESSAGE_FIELDS.has(key)));
}

function edited(message: APIMessage, body: unknown): APIMessage {
  const flags = (message.flags ?? 0) & ~MessageFlags.Loading;
  return { ...message, flags, ...messageFields(body), edited_timestamp: new Date().toISOString() };
}

function callbackResponse(
  payload: APIInteraction,
  callback: InteractionCallback,
  message: APIMessage | undefined,
): RESTPostAPIInteractionCallbackWithResponseResult {
  return {
    interaction: {
      id: payload.id,
      type: payload.type,
      ...(message && {
        response_message_id: message.id,
        response_message_loading: callback.type === InteractionResponseType.DeferredChannelMessageWithSource,
        response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
      }),
    },
    resource: { type: callback.type, ...(message && { message }) },
  };
}
