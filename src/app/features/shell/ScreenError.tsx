import { Component, type ComponentChildren } from 'preact';
import { t } from '../../i18n/i18n.ts';
import { ButtonLink } from '../../ui/ButtonLink.tsx';

interface State {
  error: unknown;
}

/**
 * A screen that fails to render (or whose code cannot be loaded) shows what happened and a way
 * on, instead of a blank page; stored work is not affected by a failed screen.
 */
export class ScreenError extends Component<{ children: ComponentChildren; path: string }, State> {
  override state: State = { error: undefined };

  override componentDidCatch(error: unknown): void {
    this.setState({ error });
  }

  override componentDidUpdate(previous: { path: string }): void {
    // Navigating elsewhere gives the next screen a fresh chance.
    if (previous.path !== this.props.path && this.state.error !== undefined)
      this.setState({ error: undefined });
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    const message = this.state.error instanceof Error ? this.state.error.message : '';
    return (
      <section role="alert">
        <h1>{t('screenError.title')}</h1>
        <p>{t('screenError.explain')}</p>
        {message && <p class="muted">{message}</p>}
        <div class="button-row">
          <button type="button" class="btn btn-primary" onClick={() => location.reload()}>
            {t('screenError.reload')}
          </button>
          <ButtonLink href="/" variant="secondary">
            {t('notFound.back')}
          </ButtonLink>
        </div>
      </section>
    );
  }
}
