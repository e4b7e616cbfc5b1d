// The attempts' deadlines: a timer per attempt, or one timer for all of a transport's attempts.
// On Deno, arming and clearing a timer per attempt cost about a tenth of a call
// (bench/README.md): there the universal entry shares one. On Node and Bun the shared timer
// measured no better, and in browsers and workers a timer belongs to one page or one request:
// there each attempt arms its own.

/** A deadline armed: what `clear` takes. */
export type Deadline = unknown;

/** Where the transport's attempts keep their deadlines. */
export interface Deadlines {
  /** Calls `expire("timeout")` once `ms` have passed, unless the deadline is cleared first. */
  add(ms: number, expire: (outcome: "timeout") => void): Deadline;
  /** Forgets `deadline`: its attempt settled in time. */
  clear(deadline: Deadline): void;
}

/** A timer per deadline. */
export const ownTimers: Deadlines = {
  add: (ms, expire) => setTimeout(expire, ms, "timeout"),
  clear: (deadline) => clearTimeout(deadline as ReturnType<typeof setTimeout>),
};

/** The deadlines of one length, earliest first: they fall in the order they were added. */
interface Queue {
  ms: number;
  head?: Entry;
  tail?: Entry;
}

/** One deadline on the shared timer: when it falls (`performance.now()`), its neighbours in its queue, and whether it has left it. */
interface Entry {
  at: number;
  expire: (outcome: "timeout") => void;
  queue: Queue;
  prev?: Entry;
  next?: Entry;
  gone: boolean;
}

/**
 * One timer for every deadline, armed for the earliest. Deadlines of one length fall in the
 * order they are added, so each length has a queue in that order: adding and clearing are a
 * few assignments, and the timer is armed again only for a deadline earlier than the one it
 * waits for, and when it fires. Each timer armed is handed to `unref`, which must make it not
 * hold the process open by itself (the attempts' own I/O does that while they last).
 */
export function sharedTimer(unref: (timer: ReturnType<typeof setTimeout>) => void): Deadlines {
  const queues = new Map<number, Queue>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the timer fires; Infinity while none is armed. */
  let armedFor = Infinity;

  const arm = (at: number, now: number) => {
    clearTimeout(timer);
    armedFor = at;
    timer = setTimeout(fire, at - now);
    unref(timer);
  };

  // An attempt clears its deadline when it settles, which may be after the deadline expired.
  const remove = (entry: Entry) => {
    if (entry.gone) return;
    entry.gone = true;
    const { queue, prev, next } = entry;
    if (prev) prev.next = next;
    else queue.head = next;
    if (next) next.prev = prev;
    else queue.tail = prev;
    // Stryker disable next-line ConditionalExpression,BlockStatement: an empty queue left in the map works the same; deleting it only frees its memory (lengths a caller computes per call would pile up).
    if (!queue.head) queues.delete(queue.ms);
  };

  /**
   * Expires every deadline that has fallen, and arms the timer for the earliest left, if any.
   * The timer decides: what it was armed for has fallen, whatever the clock says (a timer may
   * fire a little before the clock shows it, and under fake timers the clock may not move).
   */
  function fire() {
    const now = Math.max(performance.now(), armedFor);
    armedFor = Infinity;
    let earliest = Infinity;
    for (const queue of queues.values()) {
      let entry = queue.head;
      for (; entry && entry.at <= now; entry = queue.head) {
        remove(entry);
        entry.expire("timeout");
      }
      if (entry) earliest = Math.min(earliest, entry.at);
    }
    if (earliest < Infinity) arm(earliest, now);
  }

  return {
    add(ms, expire) {
      const now = performance.now();
      let queue = queues.get(ms);
      if (!queue) {
        queue = { ms };
        queues.set(ms, queue);
      }
      const entry: Entry = { at: now + ms, expire, queue, prev: queue.tail, next: undefined, gone: false };
      if (queue.tail) queue.tail.next = entry;
      else queue.head = entry;
      queue.tail = entry;
      if (entry.at < armedFor) arm(entry.at, now);
      return entry;
    },
    clear: (deadline) => remove(deadline as Entry),
  };
}
