namespace CertGuard.Core.Holders;

public enum Sex
{
    Female = 0,
    Male = 1,
}
