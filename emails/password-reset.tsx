import { Button, Text } from "@react-email/components";
import { button, EmailLayout, paragraph } from "./components/email-layout";

export interface PasswordResetEmailProps {
  name: string;
  companyName: string;
  resetUrl: string;
  expiresInMinutes: number;
}

export default function PasswordResetEmail({ name, companyName, resetUrl, expiresInMinutes }: PasswordResetEmailProps) {
  return (
    <EmailLayout preview="Reset your CleanPay password" companyName={companyName}>
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        Someone asked to reset the password of your CleanPay account. If it was you, choose a new password with
        the button below. The link works once and expires in {expiresInMinutes} minutes.
      </Text>
      <Button href={resetUrl} style={button}>
        Choose a new password
      </Button>
      <Text style={paragraph}>If you did not ask for this, ignore this email: your password stays as it is.</Text>
    </EmailLayout>
  );
}

PasswordResetEmail.PreviewProps = {
  name: "Ada",
  companyName: "Demo Trading Ltd",
  resetUrl: "http://localhost:3000/reset-password/preview-token",
  expiresInMinutes: 60,
} satisfies PasswordResetEmailProps;
