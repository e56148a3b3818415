import { useId, useState } from 'react';
import { describeSubnet, parseCidr } from '../net';

const row = 'flex justify-between gap-4 py-1';

export function SubnetCalculator() {
  const [text, setText] = useState('');
  const inputId = useId();
  const parsed = text.trim() === '' ? null : parseCidr(text);
  const info = parsed?.ok ? describeSubnet(parsed.value) : null;

  return (
    <div className="flex flex-col gap-4 p-4 text-sm">
      <div className="flex flex-col gap-1.5">
        <label htmlFor={inputId} className="font-medium">
          CIDR block
        </label>
        <input
          id={inputId}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="10.0.1.0/24"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={parsed?.ok === false}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 font-mono focus:border-teal-600 focus:ring-2 focus:ring-teal-600/20 focus:outline-none aria-invalid:border-red-500 dark:border-slate-700 dark:bg-slate-900"
        />
        {parsed && !parsed.ok && (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {parsed.error}
          </p>
        )}
        {!parsed && (
          <p className="text-slate-500 dark:text-slate-400">
            Type a block to see its addresses and the five AWS keeps for itself.
          </p>
        )}
      </div>
      {info && (
        <>
          {info.note && (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 dark:bg-amber-950 dark:text-amber-100">
              {info.note}
            </p>
          )}
          <dl
            aria-label="Subnet summary"
            className="divide-y divide-slate-100 rounded-md border border-slate-200 px-3 dark:divide-slate-800 dark:border-slate-800"
          >
            {(
              [
                ['Network', info.network],
                ['Netmask', `${info.netmask} (/${info.prefix})`],
                ['Last address', info.broadcast],
                ['Addresses', info.size.toLocaleString('en-US')],
                ['Usable by instances', info.usable.toLocaleString('en-US')],
                ['Usable range', info.firstUsable ? `${info.firstUsable} – ${info.lastUsable}` : 'none'],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className={row}>
                <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
                <dd className="font-mono">{value}</dd>
              </div>
            ))}
          </dl>
          <table aria-label="Reserved addresses" className="w-full text-left">
            <caption className="mb-1 text-left font-medium">Reserved by AWS</caption>
            <thead className="text-xs text-slate-500 dark:text-slate-400">
              <tr>
                <th className="py-1 font-medium">Address</th>
                <th className="py-1 font-medium">Role</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {info.reserved.map((entry) => (
                <tr key={entry.address}>
                  <td className="py-1 font-mono">{entry.address}</td>
                  <td className="py-1">{entry.role}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
