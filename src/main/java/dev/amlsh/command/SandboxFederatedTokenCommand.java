package dev.amlsh.command;

import com.google.gson.JsonObject;
import dev.amlsh.session.FederatedTokens;
import dev.amlsh.session.LocalCloud;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sandbox federated-token}: a token of the sandbox's own OIDC issuer, as a CI system hands
 * its jobs, to try workload identity federation without Azure.
 *
 * <pre>{@code
 * sandbox federated-token --subject repo:org/app:ref:refs/heads/main --query token -o tsv > token.jwt
 * }</pre>
 */
@Command(name = "federated-token", description = "Mint a federated token of the sandbox's OIDC issuer (for workload identity federation).",
        footerHeading = "%nExamples:%n",
        footer = {"  sandbox federated-token --subject repo:org/app:ref:refs/heads/main --query token -o tsv",
                "  AZURE_FEDERATED_TOKEN_FILE=token.jwt AZURE_CLIENT_ID=a0000000-0000-4000-8000-0000000c1e04 AZURE_TENANT_ID=adfs \\",
                "      AZURE_AUTHORITY_HOST=<sandbox endpoint> amlsh -c \"group list\""})
final class SandboxFederatedTokenCommand extends AmlCommand {
    @Option(names = "--subject", required = true, paramLabel = "SUBJECT", order = 1,
            description = "The token's subject; amlsh-ci trusts repo:org/app:ref:refs/heads/main, sc://org/project/amlsh-sandbox"
                    + " and system:serviceaccount:default:amlsh.")
    String subject;

    @Option(names = "--audience", paramLabel = "AUDIENCE", order = 2, description = "Default: api://AzureADTokenExchange.")
    String audience;

    @Override
    protected CommandResult execute() {
        LocalCloud sandbox = ctx.session().localCloud();
        String token = FederatedTokens.mint(sandbox.endpoint(), sandbox.certificate(), subject, audience);
        JsonObject out = new JsonObject();
        out.addProperty("audience", audience == null ? "api://AzureADTokenExchange" : audience);
        out.addProperty("issuer", sandbox.endpoint() + "oidc");
        out.addProperty("subject", subject);
        out.addProperty("token", token);
        return CommandResult.of(out);
    }
}
