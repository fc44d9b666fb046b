/// Examples for the commands whose declaration has none, by command path, so every command's help has EXAMPLES.
///
/// A test parses every example of the tree with the real parser, so none of them can drift from the declarations.
enum CommandExamples {
    static let byPath: [String: [String]] = [
        "recover": ["acrcmk recover --registry myregistry"],
        "check-health": ["acrcmk check-health --registry myregistry",
                         "acrcmk check-health --registry myregistry --fail-on warning -o json"],
        "status": ["acrcmk status", "acrcmk status --query \"[?health!='healthy'].name\" -o tsv"],
        "fsck": ["acrcmk fsck", "acrcmk fsck --repair"],
        "clock": ["acrcmk clock", "acrcmk clock --query now -o tsv"],
        "clock show": ["acrcmk clock show"],
        "alert list": ["acrcmk alert list"],
        "alert fired": ["acrcmk alert fired"],
        "alert delete": ["acrcmk alert delete --name keydelete"],
        "policy list": ["acrcmk policy list"],
        "policy unassign": ["acrcmk policy unassign"],
        "task logs": ["acrcmk task logs --registry myregistry --run-id ca1"],
        "task list-runs": ["acrcmk task list-runs --registry myregistry"],
        "config get": ["acrcmk config get keyvault.rbac-by-default"],
        "config list": ["acrcmk config list"],
        "az account show": ["az account show --query id -o tsv"],
        "az group show": ["az group show --name myResourceGroup"],
        "az group list": ["az group list --query [].name -o tsv"],
        "az group delete": ["az group delete --name myResourceGroup --yes"],
        "az identity show": ["az identity show --resource-group myResourceGroup --name myidentity --query principalId "
                             + "--output tsv"],
        "az identity list": ["az identity list --resource-group myResourceGroup"],
        "az identity delete": ["az identity delete --resource-group myResourceGroup --name myidentity"],
        "az keyvault key rotation-policy show": ["az keyvault key rotation-policy show --vault-name mykeyvault "
                                                 + "--name mykey"],
        "az keyvault key import": ["az keyvault key import --vault-name mykeyvault --name mykey --pem-file key.pem"],
        "az keyvault key list": ["az keyvault key list --vault-name mykeyvault --query [].kid -o tsv"],
        "az keyvault key list-versions": ["az keyvault key list-versions --vault-name mykeyvault --name mykey"],
        "az keyvault key rotate": ["az keyvault key rotate --vault-name mykeyvault --name mykey"],
        "az keyvault key show-deleted": ["az keyvault key show-deleted --vault-name mykeyvault --name mykey"],
        "az keyvault key encrypt": ["az keyvault key encrypt --vault-name mykeyvault --name mykey "
                                    + "--algorithm RSA-OAEP-256 --value aGVsbG8= --data-type base64"],
        "az keyvault key decrypt": ["az keyvault key decrypt --vault-name mykeyvault --name mykey "
                                    + "--algorithm RSA-OAEP-256 --value <ciphertext> --data-type base64"],
        "az keyvault show": ["az keyvault show --name mykeyvault --query properties.enablePurgeProtection"],
        "az keyvault delete": ["az keyvault delete --name mykeyvault"],
        "az keyvault purge": ["az keyvault purge --name mykeyvault"],
        "az keyvault list": ["az keyvault list --query [].name -o tsv"],
        "az keyvault list-deleted": ["az keyvault list-deleted --resource-type vault"],
        "az role assignment list": ["az role assignment list --assignee <principal-id> --all"],
        "az acr identity assign": ["az acr identity assign --identities myidentity --name myregistry"],
        "az acr identity show": ["az acr identity show --name myregistry"],
        "az acr identity remove": ["az acr identity remove --identities myidentity --name myregistry"],
        "az acr config content-trust update": ["az acr config content-trust update --registry myregistry "
                                               + "--status disabled"],
        "az acr replication list": ["az acr replication list --registry myregistry -o table"],
        "az acr replication show": ["az acr replication show --registry myregistry --name westus"],
        "az acr replication delete": ["az acr replication delete --registry myregistry --name westus"],
        "az acr show": ["az acr show --name myregistry --query loginServer -o tsv"],
        "az acr update": ["az acr update --name myregistry --tags team=platform"],
        "az acr list": ["az acr list --resource-group myResourceGroup --query [].name -o tsv"],
        "az monitor diagnostic-settings list": ["az monitor diagnostic-settings list --resource <key-vault-id>"],
        "az monitor diagnostic-settings show": ["az monitor diagnostic-settings show --name audit "
                                                + "--resource <key-vault-id>"],
        "az monitor diagnostic-settings delete": ["az monitor diagnostic-settings delete --name audit "
                                                  + "--resource <key-vault-id>"],
        "az deployment group show": ["az deployment group show --resource-group myResourceGroup --name cmk"],
        "az deployment group list": ["az deployment group list --resource-group myResourceGroup -o table"],
    ]

    /// The tree with these examples filled in where a command declares none.
    static func fill(_ spec: CommandSpec, path: [String] = []) -> CommandSpec {
        var spec = spec
        if spec.examples.isEmpty, spec.handler != nil, let examples = byPath[path.joined(separator: " ")] {
            spec.examples = examples
        }
        spec.subcommands = spec.subcommands.map { fill($0, path: path + [$0.name]) }
        return spec
    }
}
