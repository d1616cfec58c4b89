// Why a client code was refused, in the person's words: services/deidentify says which problem, this says it.
// Never repeats what was typed (it may be a name or a phone number).
import { t } from '../../services/catalogue';
import type { ClientCodeProblem, EntityType } from '../../services/deidentify';
import { MAX_CLIENT_CODE } from '../../services/deidentify/identifier';

export function clientCodeRefusal(check: { reason: ClientCodeProblem; entity?: EntityType }): string {
  switch (check.reason) {
    case 'empty': return t('clientCode.empty');
    case 'tooLong': return t('clientCode.tooLong', { max: MAX_CLIENT_CODE });
    case 'identifier': return t('clientCode.identifier', { kind: check.entity ?? 'other' });
    case 'longNumber': return t('clientCode.longNumber');
    case 'date': return t('clientCode.date');
    case 'year': return t('clientCode.year');
    case 'phone': return t('clientCode.phone');
    case 'name': return t('clientCode.name');
    case 'shape': return t('clientCode.shape');
  }
}
