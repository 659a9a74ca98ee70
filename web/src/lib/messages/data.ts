// Imported (for its effect) by the Data page and its components: the texts then travel in that
// lazily loaded chunk and are registered before it renders (the way analysis.ts works).
import { extendMessages } from '../i18n.ts';
import { dataEn } from './data.en.ts';
import { dataZhCN } from './data.zh-CN.ts';

extendMessages({ en: dataEn, 'zh-CN': dataZhCN });
