// Imported (for its effect) by the sign-in page: the texts then travel in that lazily loaded
// chunk and are registered before it renders (the way analysis.ts works).
import { extendMessages } from '../i18n.ts';
import { signinEn } from './signin.en.ts';
import { signinZhCN } from './signin.zh-CN.ts';

extendMessages({ en: signinEn, 'zh-CN': signinZhCN });
