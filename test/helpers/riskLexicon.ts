/** The literal words of the risk screen's lexicon: they live beside the name classifier, which reads them too (round 8). */
export { literalWords, riskLexiconWords } from '../../services/deidentify/classifier/riskWords';
