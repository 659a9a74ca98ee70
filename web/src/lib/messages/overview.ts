// Imported (for its effect) by the overview's components: the texts then travel in the overview's
// chunk, and are registered before any of them renders (the way analysis.ts works).
import { extendMessages } from '../i18n.ts';
import { overviewEn } from './overview.en.ts';
import { overviewZhCN } from './overview.zh-CN.ts';

extendMessages({ en: overviewEn, 'zh-CN': overviewZhCN });
