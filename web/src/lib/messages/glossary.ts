// Imported (for its effect) by the glossary dialog: the texts then travel in that lazily loaded
// chunk and are registered before it renders (the way signin.ts works).
import { extendMessages } from '../i18n.ts';
import { glossaryEn } from './glossary.en.ts';
import { glossaryZhCN } from './glossary.zh-CN.ts';

extendMessages({ en: glossaryEn, 'zh-CN': glossaryZhCN });
