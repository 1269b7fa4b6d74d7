/**
 * The proxy-object model every office.js class shares (OfficeExtension.ClientObject,
 * learn.microsoft.com/javascript/api/office/officeextension.clientobject): properties can only be
 * read after `load()` + `sync()` (else PropertyNotLoaded), sets and methods are queued, and
 * `*OrNullObject` proxies report `isNullObject` after a sync.
 *
 * Every proxy knows the members it was reached through (`origin`: `worksheets.getItem()` →
 * `getRangeByIndexes()` → `dataValidation`); whatever it does at sync first checks that the host
 * has each of them and the member used, against the generated requirement sets (api-sets.ts).
 */
import { Gate, MemberKind } from "./api-sets";
import { Delivery, FakeRequestContext, Nullable, jsonBytes } from "./context";
import { FakeRichApiError, notLoaded } from "./errors";

type LoadPaths = string[];

export function parseLoad(arg: unknown): LoadPaths | null {
  if (arg === undefined || arg === null) return null;
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => parseLoad(a) ?? []);
  if (typeof arg === "object") {
    const o = arg as Record<string, unknown>;
    if (typeof o.select === "string" || Array.isArray(o.select)) return parseLoad(o.select);
    const out: string[] = [];
    const walk = (obj: Record<string, unknown>, prefix: string) => {
      for (const [k, v] of Object.entries(obj)) {
        if (v === true) out.push(prefix + k);
        else if (v && typeof v === "object") walk(v as Record<string, unknown>, `${prefix}${k}/`);
      }
    };
    walk(o, "");
    return out;
  }
  return null;
}

export abstract class ClientObject implements Nullable {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    protected readonly ctx: FakeRequestContext,
    /** The office.js class imitated (Excel.<officeClass>). */
    readonly officeClass: string,
    /** The members this proxy was reached through. */
    readonly origin: readonly Gate[] = [],
  ) {}

  get context(): FakeRequestContext {
    return this.ctx;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  /** What using `member` of this proxy needs: the way here, then the member itself. */
  protected needs(member: string, kind: MemberKind): Gate[] {
    return [...this.origin, { cls: this.officeClass, member, kind }];
  }

  /** The origin of a proxy reached through `member` (a navigation property or a method). */
  protected via(member: string, kind: MemberKind = "call"): Gate[] {
    return this.needs(member, kind);
  }

  /** For *OrNullObject: whether the target exists (resolved at sync). */
  protected exists(): boolean {
    return true;
  }

  resolveNullState(): Delivery {
    this.ctx.requireMembers(this.origin);
    let isNull = false;
    try {
      isNull = !this.exists();
    } catch {
      isNull = true;
    }
    return { bytes: 8, deliver: () => (this.nullState = isNull) };
  }

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** Property names `load()` without arguments loads. */
  protected abstract scalarProps(): readonly string[];
  /** The value of a property at sync time. */
  protected abstract readProp(name: string): unknown;
  /** Navigation properties (format, fill, font, protection...). */
  protected child(_name: string): ClientObject | undefined {
    return undefined;
  }

  load(arg?: unknown): this {
    const paths = parseLoad(arg) ?? [...this.scalarProps()];
    this.ctx.enqueue({ bytes: jsonBytes(arg ?? ""), read: true, run: () => this.loadNow(paths) });
    return this;
  }

  loadNow(paths: LoadPaths): Delivery {
    this.ctx.requireMembers(this.origin);
    const own: string[] = [];
    const nested = new Map<string, string[]>();
    for (const p of paths) {
      const slash = p.indexOf("/");
      if (slash < 0) own.push(p);
      else {
        const head = p.slice(0, slash);
        const arr = nested.get(head) ?? [];
        arr.push(p.slice(slash + 1));
        nested.set(head, arr);
      }
    }
    const deliveries: Delivery[] = [];
    const values = new Map<string, unknown>();
    // Loading through a proxy whose target is missing fails (ItemNotFound), unless it is an
    // *OrNullObject proxy: then its properties read as null.
    const isNull = !this.exists();
    for (const name of own) {
      const c = this.child(name);
      if (c) {
        deliveries.push(c.loadNow([]));
        continue;
      }
      this.ctx.requireMembers([{ cls: this.officeClass, member: name, kind: "get" }]);
      values.set(name, isNull ? null : this.readProp(name));
    }
    for (const [head, rest] of nested) {
      const c = this.child(head);
      if (!c) throw new FakeRichApiError("InvalidArgument", `Cannot load '${head}/${rest.join(",")}'.`);
      deliveries.push(c.loadNow(rest));
    }
    const bytes = jsonBytes(Object.fromEntries(values)) + deliveries.reduce((n, d) => n + d.bytes, 0);
    return {
      bytes,
      deliver: () => {
        for (const [k, v] of values) this.loaded.set(k, v);
        for (const d of deliveries) d.deliver();
      },
    };
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  /** Queues a property set. */
  protected set(name: string, value: unknown, apply: () => void): void {
    const gates = this.needs(name, "set");
    this.ctx.enqueue({
      bytes: jsonBytes(value) + name.length,
      run: () => {
        this.ctx.requireMembers(gates);
        apply();
      },
    });
  }

  /** Queues a method call. */
  protected call(name: string, bytes: number, run: () => Delivery | void): void {
    const gates = this.needs(name, "call");
    this.ctx.enqueue({
      bytes,
      run: () => {
        this.ctx.requireMembers(gates);
        return run();
      },
    });
  }
}

/** A value that a method returns (OfficeExtension.ClientResult), readable after sync. */
export class FakeClientResult<T> {
  private state: { v: T } | null = null;
  get value(): T {
    if (!this.state) throw notLoaded("value");
    return this.state.v;
  }
  delivery(v: T): Delivery {
    return { bytes: jsonBytes(v), deliver: () => (this.state = { v }) };
  }
}

export function* span(a: number, b: number): Generator<number> {
  for (let i = a; i <= b; i++) yield i;
}
