import type { ComponentChildren } from 'preact';

/** A short page that says what happened and what to do next. */
export function MessagePage({ title, children, ok }: { title: string; children: ComponentChildren; ok?: boolean }) {
  return (
    <section class="panel panel-narrow">
      <h1>{title}</h1>
      <div class={ok ? 'status status-ok' : undefined} role={ok ? 'status' : undefined}>
        {children}
      </div>
    </section>
  );
}
