import type { SignInMessageKey } from './signin.en.ts';

/** 登录页的简体中文文案（只在服务器要求令牌时显示）；键与 signin.en.ts 一一对应。 */
export const signinZhCN: Record<SignInMessageKey, string> = {
  'auth.title': '登录',
  'auth.intro':
    '此服务器需要确认您的身份。请粘贴分配给您的令牌（`npm run hangup -- users add 名称 --role 角色` 只显示一次）。令牌只保存在当前浏览器标签页中。',
  'auth.token': '令牌',
  'auth.submit': '登录',
  'auth.checking': '正在验证…',
  'auth.wrong': '服务器不认识此令牌。',
  'auth.expired': '服务器已不再接受此标签页的令牌，请重新登录。',
  'auth.closed': '目前还无人可以登录：{reason}',
  'auth.failed': '无法连接服务器：{message}',
};
