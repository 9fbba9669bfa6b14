import { Admin } from 'react-admin';
import { LoginPage as KeycloakLoginPage } from 'ra-keycloak';
import type { ConsoleAuth } from './authProvider';
import type { AppRole } from '@nastavnik/contracts/roles';
import { DevLoginPage } from './auth/DevLoginPage';
import type { RuntimeConfig } from './config';
import { Dashboard } from './dashboard/Dashboard';
import type { ConsoleDataProvider } from './dataProvider';
import { buildI18nProvider } from './i18n';
import { ConsoleLayout } from './layout/Layout';
import { consoleTheme } from './layout/theme';
import { type ConsoleResource, resourceMessagesOf, resourcesFor } from './registry';
import { meetings } from './meetings';
import { pairs } from './pairs';
import { participants } from './participants';
import { baseEntries, consents } from './participants/records';
import { programmes } from './programmes';
import { extracts } from './reports';
import { reportSubmission, schoolReportSubmissions } from './submissions';
import { indicatorTable, indicatorTargets } from './indicators/pages';
import { schools } from './schools';
import { regionOutcomes } from './outcomes';
import { contingents } from './contingent';
import { competitionEntries, mentorCompetitions, mentorNominations, practiceCases, practiceModeration } from './completion';
import { accessJournal } from './journal';
import { notifications, regionNotificationSettings } from './notifications';
import { questionnaireLinks } from './questionnaires/links';
import { questionnaireResponses } from './questionnaires/responses';
import { questionnaireTemplates } from './questionnaires/templates';
import { meetingTypes, menteeInterests, mentoringDirections, mentoringFormats, mentoringForms, programmeStages, roleModels } from './reference';
import { planTasks, plans } from './plans';
import { roadmapItems, roadmaps } from './roadmaps';
import { tenants } from './tenants';

/**
 * The console's resources: each is a folder exporting a ConsoleResource; adding one is one line
 * here (routes, menu, access by role, GraphQL binding and Russian labels follow from it).
 */
export const RESOURCES: ConsoleResource[] = [
  tenants,
  participants,
  consents,
  baseEntries,
  programmes,
  pairs,
  plans,
  planTasks,
  meetings,
  questionnaireTemplates,
  questionnaireResponses,
  questionnaireLinks,
  roadmaps,
  roadmapItems,
  mentorNominations,
  practiceCases,
  mentorCompetitions,
  competitionEntries,
  practiceModeration,
  mentoringForms,
  mentoringFormats,
  mentoringDirections,
  menteeInterests,
  roleModels,
  programmeStages,
  meetingTypes,
  schools,
  indicatorTable,
  indicatorTargets,
  reportSubmission,
  schoolReportSubmissions,
  extracts,
  regionOutcomes,
  contingents,
  accessJournal,
  notifications,
  regionNotificationSettings,
];

const i18nProvider = buildI18nProvider(resourceMessagesOf(RESOURCES));

type AppProps = { config: RuntimeConfig; auth: ConsoleAuth; dataProvider: ConsoleDataProvider };

export const App = ({ config, auth, dataProvider }: AppProps) => {
  const loginPage = config.authMode === 'dev' ? () => <DevLoginPage users={config.devUsers} /> : KeycloakLoginPage;
  return (
    <Admin
      title="Наставник"
      authProvider={auth.authProvider}
      dataProvider={dataProvider}
      i18nProvider={i18nProvider}
      loginPage={loginPage}
      dashboard={Dashboard}
      layout={ConsoleLayout}
      theme={consoleTheme}
      disableTelemetry
    >
      {(role: AppRole | undefined) => resourcesFor(RESOURCES, role)}
    </Admin>
  );
};
