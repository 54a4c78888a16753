import { Button, Text } from "@react-email/components";
import { button, EmailLayout, paragraph } from "./components/email-layout";

export interface UserInvitationEmailProps {
  name: string;
  companyName: string;
  invitedBy: string;
  role: string;
  acceptUrl: string;
  expiresInDays: number;
}

export default function UserInvitationEmail({ name, companyName, invitedBy, role, acceptUrl, expiresInDays }: UserInvitationEmailProps) {
  return (
    <EmailLayout preview={`${invitedBy} invited you to CleanPay`} companyName={companyName}>
      <Text style={paragraph}>Hello {name},</Text>
      <Text style={paragraph}>
        {invitedBy} invited you to {companyName}&apos;s CleanPay as {role}. Set your password to sign in. The
        link works once and expires in {expiresInDays} days.
      </Text>
      <Button href={acceptUrl} style={button}>
        Set your password
      </Button>
    </EmailLayout>
  );
}

UserInvitationEmail.PreviewProps = {
  name: "Fin",
  companyName: "Demo Trading Ltd",
  invitedBy: "Ada Admin",
  role: "finance",
  acceptUrl: "http://localhost:3000/reset-password/preview-token",
  expiresInDays: 7,
} satisfies UserInvitationEmailProps;
