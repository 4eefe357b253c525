package dev.amlsh.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void optionsThatCarrySecretsAreMasked() {
        Secrets s = new Secrets();
        assertEquals("login --service-principal -u app -p *** --tenant t",
                s.show(List.of("login", "--service-principal", "-u", "app", "-p", "s3cr3t!", "--tenant", "t")));
        assertEquals("storage account create --account-key=*** --sas-token *** --client-secret ***",
                s.show(List.of("storage", "account", "create", "--account-key=abc", "--sas-token", "sv=1&sig=x", "--client-secret", "cs")));
        assertEquals("x --tags apiKey=*** clientSecret=*** team=ml", s.show(List.of("x", "--tags", "apiKey=k1", "clientSecret=c1", "team=ml")));
    }

    @Test
    void aSecretSeenOnceIsMaskedEverywhere() {
        Secrets s = new Secrets();
        s.show(List.of("x", "--password", "hunter2-pw"));
        assertEquals("echo prefix-***", s.show(List.of("echo", "prefix-hunter2-pw")));
    }

    @Test
    void keyVaultsAndNamesAreNotSecrets() {
        assertFalse(Secrets.secretName("--keyvault"));
        assertFalse(Secrets.secretName("--cmk-keyvault"));
        assertFalse(Secrets.secretName("--key-name"));
        assertFalse(Secrets.secretName("--resource-group"));
        assertTrue(Secrets.secretName("--primary-key"));
        assertTrue(Secrets.secretName("AccountKey"));
    }

    @Test
    void wordsAreQuotedSoTheLineCanBePastedBack() {
        assertEquals("group list --query \"[?name=='a b']\" \"\"", new Secrets().show(List.of("group", "list", "--query", "[?name=='a b']", "")));
        assertEquals("print 'say \"hi\" $HOME'", new Secrets().show(List.of("print", "say \"hi\" $HOME")));
    }
}
