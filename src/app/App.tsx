import { LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import type { ComponentChildren } from 'preact';
import { SessionBanner } from './features/account/SessionBanner.tsx';
import { Layout } from './features/shell/Layout.tsx';
import { NotFoundPage } from './features/shell/NotFoundPage.tsx';
import { ScreenError } from './features/shell/ScreenError.tsx';

// Every screen loads on demand: the first load carries only the shell (budget 60 KB gzip), and
// the service worker precaches the chunks so they load offline too.
const HomePage = lazy(() => import('./features/home/HomePage.tsx').then((m) => m.HomePage));
const PortfolioPage = lazy(() =>
  import('./features/portfolio/PortfolioPage.tsx').then((m) => m.PortfolioPage),
);
const ComplexPage = lazy(() =>
  import('./features/portfolio/ComplexPage.tsx').then((m) => m.ComplexPage),
);
const PandPage = lazy(() => import('./features/portfolio/PandPage.tsx').then((m) => m.PandPage));
const DwellingPage = lazy(() =>
  import('./features/portfolio/DwellingPage.tsx').then((m) => m.DwellingPage),
);
const InspectionPage = lazy(() =>
  import('./features/inspection/InspectionPage.tsx').then((m) => m.InspectionPage),
);
const FindingsPage = lazy(() =>
  import('./features/inspection/FindingsPage.tsx').then((m) => m.FindingsPage),
);
const ReviewPage = lazy(() =>
  import('./features/inspection/ReviewPage.tsx').then((m) => m.ReviewPage),
);
const ActionsPage = lazy(() =>
  import('./features/actions/ActionsPage.tsx').then((m) => m.ActionsPage),
);
const ActionPage = lazy(() =>
  import('./features/actions/ActionPage.tsx').then((m) => m.ActionPage),
);
const SettingsPage = lazy(() =>
  import('./features/settings/SettingsPage.tsx').then((m) => m.SettingsPage),
);
const AccountPage = lazy(() =>
  import('./features/account/AccountPage.tsx').then((m) => m.AccountPage),
);
const UsersPage = lazy(() => import('./features/users/UsersPage.tsx').then((m) => m.UsersPage));
const ImportsPage = lazy(() =>
  import('./features/imports/ImportsPage.tsx').then((m) => m.ImportsPage),
);
const FireSafetyPage = lazy(() =>
  import('./features/fire-safety/FireSafetyPage.tsx').then((m) => m.FireSafetyPage),
);
const BuildingPage = lazy(() =>
  import('./features/fire-safety/BuildingPage.tsx').then((m) => m.BuildingPage),
);
const OverviewPage = lazy(() =>
  import('./features/overview/OverviewPage.tsx').then((m) => m.OverviewPage),
);

const EfgPage = lazy(() => import('./features/efg/EfgPage.tsx').then((m) => m.EfgPage));

function Screens({ children }: { children: ComponentChildren }) {
  const { path } = useLocation();
  return <ScreenError path={path}>{children}</ScreenError>;
}

export function App() {
  return (
    <LocationProvider>
      <Layout>
        <SessionBanner />
        <Screens>
          <Router>
            <Route path="/" component={HomePage} />
            <Route path="/portefeuille" component={PortfolioPage} />
            <Route path="/complexen/:complexId" component={ComplexPage} />
            <Route path="/panden/:pandId" component={PandPage} />
            <Route path="/woningen/:dwellingId" component={DwellingPage} />
            <Route path="/inspecties/:inspectionId" component={InspectionPage} />
            <Route path="/inspecties/:inspectionId/bevindingen" component={FindingsPage} />
            <Route path="/inspecties/:inspectionId/overzicht" component={ReviewPage} />
            <Route path="/acties" component={ActionsPage} />
            <Route path="/acties/:actionId" component={ActionPage} />
            <Route path="/instellingen" component={SettingsPage} />
            <Route path="/account" component={AccountPage} />
            <Route path="/gebruikers" component={UsersPage} />
            <Route path="/import" component={ImportsPage} />
            <Route path="/brandveiligheid" component={FireSafetyPage} />
            <Route path="/brandveiligheid/panden/:pandId" component={BuildingPage} />
            <Route path="/overzicht" component={OverviewPage} />
            <Route path="/efg" component={EfgPage} />
            <Route default component={NotFoundPage} />
          </Router>
        </Screens>
      </Layout>
    </LocationProvider>
  );
}
