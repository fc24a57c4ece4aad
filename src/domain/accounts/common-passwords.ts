/**
 * Passwords of 12+ characters that appear at the top of public breach lists, plus Russian keyboard
 * walks (compared lower-cased). Shorter ones are refused by length anyway.
 */
export const commonPasswords: ReadonlySet<string> = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456789000', '1234567890qwerty', '1q2w3e4r5t6y',
  '1q2w3e4r5t6y7u', '1qaz2wsx3edc', '1qaz2wsx3edc4rfv', 'qwertyuiop12', 'qwertyuiop123', 'qwertyuiop1234',
  'qwertyuiopasdf', 'qwerty123456', 'qwerty1234567', 'qwertyqwerty', 'asdfghjkl123', 'asdfghjkl;\'',
  'zxcvbnm12345', 'zxcvbnm123456', 'password1234', 'password12345', 'password123456', 'passwordpassword',
  'password1!password', 'iloveyou1234', 'iloveyouforever', 'letmein12345', 'welcome12345', 'welcome123456',
  'administrator', 'administrator1', 'admin1234567', 'adminadmin123', 'changeme1234', 'monkey123456',
  'dragon123456', 'football1234', 'baseball1234', 'starwars1234', 'sunshine1234', 'princess1234',
  'superman1234', 'batman123456', 'trustno1trustno1', 'abcdefghijkl', 'abcdefghijklm', 'abc123abc123',
  'aaaaaaaaaaaa', '111111111111', '000000000000', '121212121212', '123123123123', '123321123321',
  '987654321000', '098765432112', 'qazwsxedcrfv', 'qazwsxedcrfvtgb', 'zaq12wsxcde3', '!qaz2wsx3edc',
  'p@ssw0rd1234', 'p@ssword1234', 'passw0rd1234', 'mypassword123', 'mypassword1234', 'secret123456',
  'internet1234', 'computer1234', 'whatever1234', 'nopassword12', 'test12345678', 'testtesttest',
  'qwerty12345678', 'q1w2e3r4t5y6', 'q1w2e3r4t5y6u7', '1234qwerasdf', '1234qwerasdfzxcv', 'zxcvbnmasdfg',
  // Russian keyboard walks and favourites
  'йцукенгшщзхъ', 'йцукенгшщз12', 'йцукен123456', 'фывапролджэ1', 'фывапролджэё', 'ячсмитьбю123',
  'пароль123456', 'парольпароль', 'мойпароль123', 'пароль1234567', 'люблютебя123', 'привет123456',
  'qwertyйцукен', 'москва123456', 'россия123456', 'наташа123456', 'светлана1234', 'александр123',
  'password1qaz', 'usluga123456', 'uslugi123456', 'freedompay123',
]);
