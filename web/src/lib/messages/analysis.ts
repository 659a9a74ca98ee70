// Imported (for its effect) by every page and component that uses analysis.* texts: the texts
// then travel in those pages' chunks, and are registered before any of them renders.
import { extendMessages } from '../i18n.ts';
import { analysisEn } from './analysis.en.ts';
import { analysisZhCN } from './analysis.zh-CN.ts';

extendMessages({ en: analysisEn, 'zh-CN': analysisZhCN });
