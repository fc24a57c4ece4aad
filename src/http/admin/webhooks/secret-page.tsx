/** The endpoint's secret, shown this once (after creation or «Сменить секрет»). */
export function SecretPage({ endpointId, name, secret, rotated }: { endpointId: string; name: string; secret: string; rotated: boolean }) {
  return (
    <section class="webhooks">
      <p class="breadcrumbs">
        <a href="/admin/webhooks">Вебхуки</a>
      </p>
      <h1>{rotated ? `Новый секрет: ${name}` : `Получатель добавлен: ${name}`}</h1>
      <div class="panel">
        <p>
          Секрет подписи. <strong>Скопируйте его сейчас: больше он нигде не будет показан.</strong> Потеряли — нажмите «Сменить секрет» на странице получателя.
        </p>
        <p>
          <code class="webhooks-secret">{secret}</code>
        </p>
        {rotated && <p>Старый секрет больше не действует: все запросы, включая повторы прежних событий, теперь подписаны новым. Передайте его получателю сразу.</p>}
        <p>
          Как проверять подпись: <code>docs/integrations.md</code>, раздел «Подпись».
        </p>
        <p>
          <a class="button" href={`/admin/webhooks/${endpointId}`}>
            К получателю
          </a>
        </p>
      </div>
    </section>
  );
}
