"use client";

import { Activity, createElement, use, useEffect, useRef, useSyncExternalStore, type ComponentType } from "react";

type Load<P> = () => Promise<ComponentType<P>>;

interface Gate<P> {
  ready: Promise<ComponentType<P>>;
  start: () => void;
}

const gates = new WeakMap<object, Gate<never>>();

/** One gate per component to load: opening it anywhere loads the module once for every copy. */
function gateOf<P>(load: Load<P>): Gate<P> {
  let gate = gates.get(load) as Gate<P> | undefined;
  if (!gate) {
    let release: (component: ComponentType<P>) => void = () => {};
    let started = false;
    const ready = new Promise<ComponentType<P>>((resolve) => (release = resolve));
    // Marked the way React's `use` marks a promise it has seen: once loaded, a render reads it without suspending.
    ready.then((component) => Object.assign(ready, { status: "fulfilled", value: component }));
    // A script that fails to arrive leaves the server's form as it is: it still posts without JavaScript.
    const start = () => {
      if (started) return;
      started = true;
      load().then(release, () => (started = false));
    };
    gate = { ready, start };
    gates.set(load, gate as Gate<never>);
  }
  return gate;
}

/** On the server, starts loading a deferred form when its module is first evaluated. */
export function preloadOnServer<P>(load: Load<P>): Load<P> {
  if (typeof window === "undefined") gateOf(load).start();
  return load;
}

const subscribeNothing = () => () => {};

// The events that mean the reader is about to use the form. Listened for on the window, in the capture
// phase: React stops the propagation of events aimed inside a part of the page it has not hydrated.
const USE_EVENTS = ["pointerdown", "focusin", "toggle"] as const;

function Held<P extends object>({ load, props }: { load: Load<P>; props: P }) {
  // False while React hydrates the server's HTML, true when this part is rendered in the browser
  // (a client navigation, or React giving up the server's HTML): then there is no HTML to keep.
  const inBrowser = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
  const gate = gateOf(load);
  if (inBrowser || typeof window === "undefined") gate.start();
  // The same component on every render (the module's export), so createElement rather than a local tag.
  return createElement(use(gate.ready), props);
}

/**
 * A form rendered in full on the server (so it posts to its server action without JavaScript, and
 * comes back with its answer) whose script is loaded only when the reader uses it: until then its
 * part of the page stays the server's HTML, not hydrated (an Activity boundary, which React hydrates on
 * its own, waiting on the load; not a Suspense boundary, which the server would send after the page
 * in a hidden copy for a script to reveal, on any page over 12.8 kB),
 * and the page's start-up does not evaluate the form kit, zod or next-intl's client. `load` must be
 * the same function on every render: a module-level constant, wrapped in `preloadOnServer` so that
 * the server has the form before its first page needs it. A form that comes back with an answer is
 * loaded at once.
 */
export function DeferredUntilUsed<P extends object>({ load, props }: { load: Load<P>; props: P }) {
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = wrapper.current;
    if (!node) return;
    const { start } = gateOf(load);
    if (node.querySelector('[role="alert"], [role="status"], [aria-invalid="true"]')) {
      start();
      return;
    }
    const onUse = (event: Event) => {
      if (event.target instanceof Node && node.contains(event.target)) start();
    };
    for (const type of USE_EVENTS) window.addEventListener(type, onUse, true);
    return () => {
      for (const type of USE_EVENTS) window.removeEventListener(type, onUse, true);
    };
  }, [load]);
  return (
    <div ref={wrapper}>
      <Activity mode="visible">
        <Held load={load} props={props} />
      </Activity>
    </div>
  );
}
