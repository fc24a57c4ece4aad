// Links in account emails. Single-use tokens ride in the fragment (#token=…): browsers never send
// it to a server, so it stays out of access logs, proxies and Referer headers (decision 008). The
// page's script moves it into the form the client then submits.

export function accountLinks(publicUrl: string) {
  const withToken = (path: string, token: string) => `${publicUrl}${path}#token=${token}`;
  return {
    account: `${publicUrl}/account`,
    signIn: `${publicUrl}/account/login`,
    verifyEmail: (token: string) => withToken('/account/verify-email', token),
    resetPassword: (token: string) => withToken('/account/password/reset', token),
    confirmNewEmail: (token: string) => withToken('/account/email/confirm', token),
  };
}
