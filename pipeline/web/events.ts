// The part of Node's EventEmitter that pdfmake's layout uses (on, once, emit, removeListener),
// for the web page's build, where there is no "events" module.
type Listener = (...args: unknown[]) => void;

export class EventEmitter {
  readonly #listeners = new Map<string | symbol, Listener[]>();

  on(name: string | symbol, listener: Listener): this {
    this.#listeners.set(name, [...(this.#listeners.get(name) ?? []), listener]);
    return this;
  }

  addListener(name: string | symbol, listener: Listener): this {
    return this.on(name, listener);
  }

  once(name: string | symbol, listener: Listener): this {
    const once: Listener = (...args) => {
      this.removeListener(name, once);
      listener.apply(this, args);
    };
    return this.on(name, once);
  }

  removeListener(name: string | symbol, listener: Listener): this {
    const list = this.#listeners.get(name) ?? [];
    const at = list.lastIndexOf(listener);
    if (at >= 0) this.#listeners.set(name, [...list.slice(0, at), ...list.slice(at + 1)]);
    return this;
  }

  off(name: string | symbol, listener: Listener): this {
    return this.removeListener(name, listener);
  }

  emit(name: string | symbol, ...args: unknown[]): boolean {
    const list = this.#listeners.get(name) ?? [];
    for (const listener of list) listener.apply(this, args);
    return list.length > 0;
  }

  listenerCount(name: string | symbol): number {
    return (this.#listeners.get(name) ?? []).length;
  }
}

export default EventEmitter;
