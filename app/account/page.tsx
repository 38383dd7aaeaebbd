import { getTranslations } from 'next-intl/server';
import { OwnPasswordForm } from '@/components/account/OwnPasswordForm';
import { AppShell } from '@/components/layout/AppShell';
import { Card } from '@/components/ui/Card';
import { hasPassword } from '@/lib/account/service';
import { requireRole } from '@/lib/auth/actor';

export async function generateMetadata() {
  return { title: (await getTranslations('account'))('title') };
}

export default async function AccountPage() {
  const actor = await requireRole('TEACHER', 'DIRECTOR');
  const t = await getTranslations('account');
  const has = await hasPassword(actor);
  return (
    <AppShell actor={actor} path="/account">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <Card aria-labelledby="password-title">
        <h2 id="password-title" className="mb-2 text-lg font-semibold">
          {has ? t('changeTitle') : t('setTitle')}
        </h2>
        <p className="mb-4 text-stone-700">{has ? t('changeIntro') : t('setIntro')}</p>
        <OwnPasswordForm hasPassword={has} />
      </Card>
    </AppShell>
  );
}
