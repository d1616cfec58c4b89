// The project's redactor for FreeTextStep/FormStep: deidentify() plus the debrief's hidden names.
import type { AppServices } from '../../services/app';
import { redactText } from '../../services/reflections/redact';
import type { Redactor } from './freeText';

export function redactorFor(app: Pick<AppServices, 'config'>): Redactor {
  return (raw, hidden) => redactText(raw, { secret: app.config.idSecret, hidden });
}
