import { LocationProvider, Route, Router } from 'preact-iso';
import { HomePage } from './features/home/HomePage.tsx';
import { PortfolioPage } from './features/portfolio/PortfolioPage.tsx';
import { SettingsPage } from './features/settings/SettingsPage.tsx';
import { Layout } from './features/shell/Layout.tsx';
import { NotFoundPage } from './features/shell/NotFoundPage.tsx';

export function App() {
  return (
    <LocationProvider>
      <Layout>
        <Router>
          <Route path="/" component={HomePage} />
          <Route path="/portefeuille" component={PortfolioPage} />
          <Route path="/instellingen" component={SettingsPage} />
          <Route default component={NotFoundPage} />
        </Router>
      </Layout>
    </LocationProvider>
  );
}
