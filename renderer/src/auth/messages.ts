/** What the login page says about why it is shown. */
export const EXPIRED_NOTICE = '登录已超时，请重新登录';
