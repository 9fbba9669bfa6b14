import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, RESOURCES } from './App';
import { createConsoleAuth } from './authProvider';
import { API_BASE, loadRuntimeConfig } from './config';
import { createDataProvider } from './dataProvider';
import { accessPolicyOf, bindingsOf } from './registry';
import { RespondentPage } from './respondent/RespondentPage';
import { tokenFromPath } from './respondent/token';

const root = createRoot(document.getElementById('root') as HTMLElement);

/** Sign-in mode first (it may process a Keycloak callback before the router reads the URL), then the app. */
async function start(): Promise<void> {
  const config = await loadRuntimeConfig();
  const auth = await createConsoleAuth(config, accessPolicyOf(RESOURCES));
  const dataProvider = createDataProvider({ apiBase: config.apiBase, bindings: bindingsOf(RESOURCES), getToken: auth.getToken });
  root.render(
    <StrictMode>
      <App config={config} auth={auth} dataProvider={dataProvider} />
    </StrictMode>,
  );
}

// A personal questionnaire link (`/q/<token>`) is answered without signing in: no admin, no auth.
const respondentToken = tokenFromPath(window.location.pathname);
const starting = respondentToken
  ? Promise.resolve(
      root.render(
        <StrictMode>
          <RespondentPage apiBase={API_BASE} token={respondentToken} />
        </StrictMode>,
      ),
    )
  : start();

starting.catch((error: unknown) => {
  // Before react-admin is up there is no notification area: say it plainly, in Russian.
  const message = error instanceof Error ? error.message : 'Не удалось запустить консоль.';
  root.render(
    <div role="alert" style={{ fontFamily: 'Roboto, Arial, sans-serif', maxWidth: 560, margin: '15vh auto', padding: 24, lineHeight: 1.5 }}>
      <h1 style={{ fontSize: 22, fontWeight: 500 }}>Наставник</h1>
      <p>{message}</p>
      <button type="button" onClick={() => window.location.reload()}>
        Обновить страницу
      </button>
    </div>,
  );
});
